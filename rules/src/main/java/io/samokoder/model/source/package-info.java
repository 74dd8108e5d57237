/**
 * What a program's source files say about themselves: which parts are documentation (comments, docstrings) rather
 * than code that runs.
 */
package io.samokoder.model.source;
