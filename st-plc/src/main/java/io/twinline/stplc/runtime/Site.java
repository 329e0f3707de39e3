package io.twinline.stplc.runtime;

import io.twinline.line.SourceLocation;

/** Where a compiled operation is in the source, for a run-time error to name. */
public record Site(String pou, SourceLocation location, String text) {}
