/**
 * Localised text: a message key and its arguments ({@link io.samokoder.i18n.Text}), rendered in English (what
 * fingerprints and baselines read) or Russian from the resource bundles beside each package. The bottom layer: it
 * depends on nothing else of the project, so the SPI, the YAML loader, models and rules can all build texts.
 */
package io.samokoder.i18n;
