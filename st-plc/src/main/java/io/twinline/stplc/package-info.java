/** IEC 61131-3 Structured Text programs compiled and scanned against a simulated line, in its time. */
package io.twinline.stplc;
