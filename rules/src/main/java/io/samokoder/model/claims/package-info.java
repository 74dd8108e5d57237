/**
 * What a document says about how things are started and where they listen: the commands its sections run (a compose
 * {@code up}, a native dev server, a cluster deploy), the local URLs and ports it names and which component each one
 * belongs to, and the sentences that say compose starts a component. Rules judge these against the compose model; this
 * package only reads the documents (and the Makefiles and scripts their commands name).
 */
package io.samokoder.model.claims;
