package io.twinline.stplc.compile;

import io.twinline.stplc.runtime.Layout;

/** Where a body is compiled: its POU, whose variables it sees first, and loop nesting. */
final class Scope {
  final String pou;
  final String kind;
  final Layout layout;
  final Source source;
  int loops;

  Scope(String pou, String kind, Layout layout, Source source) {
    this.pou = pou;
    this.kind = kind;
    this.layout = layout;
    this.source = source;
  }
}
