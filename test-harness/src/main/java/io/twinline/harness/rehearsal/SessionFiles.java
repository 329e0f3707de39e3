package io.twinline.harness.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PushbackInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Session files: JSON lines ({@link SessionFormat}), gzip-compressed when the name ends in {@code
 * .gz}. Written as the session goes and flushed after every batch, so a crash leaves a readable
 * file; read tolerantly.
 */
public final class SessionFiles {

  /** One event is a short JSON object; a longer line is not one (or a decompression bomb). */
  static final int MAX_LINE_BYTES = 1 << 20;
  /**
   * The most uncompressed data read from one session file: some ten hours of a tank line's
   * changes, far more than a rehearsal records; a 1 MB gzip bomb inflates to gigabytes.
   */
  static final long MAX_BYTES = 512L << 20;
  /** The latest time an event may have: a replay runs the simulation up to it. */
  static final long MAX_TIME = java.time.Duration.ofHours(1000).toNanos();

  private SessionFiles() {}

  /** Writes a session as it happens. Not thread-safe: one writer thread. */
  public static final class Writer implements AutoCloseable {
    private final java.io.Writer out;

    private Writer(java.io.Writer out, SessionHeader header) throws IOException {
      this.out = out;
      line(SessionFormat.JSON.writeValueAsString(SessionFormat.header(header)));
      out.flush();
    }

    public void write(SessionEvent event) throws IOException {
      line(SessionFormat.JSON.writeValueAsString(SessionFormat.event(event)));
    }

    /** Pushes what was written so far to the file (through the compressor). */
    public void flush() throws IOException {
      out.flush();
    }

    private void line(String json) throws IOException {
      out.write(json);
      out.write('\n');
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Opens {@code file} for writing (replacing it) and writes the header. */
  public static Writer create(Path file, SessionHeader header) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream raw = Files.newOutputStream(file);
    OutputStream stream = file.toString().endsWith(".gz")
        ? new GZIPOutputStream(raw, 1 << 16, true) : raw;
    return new Writer(new OutputStreamWriter(stream, StandardCharsets.UTF_8), header);
  }

  /** Writes a whole recording. */
  public static void write(Path file, Recording recording) throws IOException {
    try (Writer writer = create(file, recording.header())) {
      for (SessionEvent event : recording.events()) {
        writer.write(event);
      }
    }
  }

  /**
   * Reads a session file, compressed or not. What cannot be read is named in {@link
   * Recording#problems()} with its line number ({@code file:line: what}); everything before a
   * truncation and every line after a corrupted one is kept.
   *
   * <p>A file that would make a replay or a comparison meaningless or endless is refused: an
   * event time below zero, before the previous event's or beyond {@value #MAX_TIME} ns (1000 h),
   * an event after the end line, a line longer than {@value #MAX_LINE_BYTES} bytes, or more than
   * {@value #MAX_BYTES} bytes of data once uncompressed.
   *
   * @throws IOException if the file cannot be opened, its first line is not a session header, or
   *     it is refused; the message starts with {@code file:line:}
   */
  public static Recording read(Path file) throws IOException {
    return read(file, MAX_BYTES);
  }

  /** {@link #read(Path)} with another limit of uncompressed bytes (for tests). */
  static Recording read(Path file, long maxBytes) throws IOException {
    List<SessionEvent> events = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    SessionHeader header = null;
    int number = 0;
    long previous = 0;
    int endLine = 0;
    try (InputStream in = new java.io.BufferedInputStream(
        new Capped(open(file), maxBytes), 1 << 16)) {
      java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
      String line;
      while (true) {
        // byte by byte: every whole line before a cut or damage is kept (a reader that decodes
        // ahead would lose what it had decoded when the stream breaks)
        try {
          line = readLine(in, pending, file, number + 1);
        } catch (TooLarge e) {
          throw new IOException(file + ":" + (number + 1) + ": " + e.getMessage(), e);
        } catch (EOFException e) {
          problems.add(file + ":" + (number + 1) + ": the file ends early (cut off while it was "
              + "written?); the " + number + " lines before are used");
          break;
        } catch (ZipException e) {
          problems.add(file + ":" + (number + 1) + ": the compressed data is damaged ("
              + e.getMessage() + "); the " + number + " lines before are used");
          break;
        }
        if (line == null) {
          boolean ended = !events.isEmpty()
              && events.get(events.size() - 1) instanceof SessionEvent.Ended;
          if (header != null && !ended) {
            problems.add(file + ":" + number + ": the session has no end line after this one (cut "
                + "off, or still being recorded); the " + number + " lines are used");
          }
          break;
        }
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = SessionFormat.JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          if (number == 1) {
            throw new IOException(file + ":1: not a Twinline session: the first line is not "
                + "JSON");
          }
          problems.add(file + ":" + number + ": not an event (not JSON: "
              + e.getOriginalMessage() + "); skipped");
          continue;
        }
        if (number == 1) {
          try {
            header = SessionFormat.header(node);
          } catch (IllegalArgumentException e) {
            throw new IOException(file + ":1: " + e.getMessage());
          }
          continue;
        }
        SessionEvent event;
        try {
          event = SessionFormat.event(node);
        } catch (IllegalArgumentException e) {
          problems.add(file + ":" + number + ": " + e.getMessage() + "; skipped");
          continue;
        }
        if (endLine > 0) {
          throw new IOException(file + ":" + number + ": an event after the end of the session"
              + " (the end line is line " + endLine + "); a session has one end, its last line");
        }
        long t = event.time();
        if (t < 0 || t > MAX_TIME) {
          throw new IOException(file + ":" + number + ": time " + t + " ns is "
              + (t < 0 ? "below zero" : "beyond 1000 h") + "; simulated time runs from 0 and a"
              + " session lasts at most 1000 h");
        }
        if (t < previous) {
          throw new IOException(file + ":" + number + ": time " + t + " ns is before the previous"
              + " event's (" + previous + " ns); events are written in time order");
        }
        previous = t;
        if (event instanceof SessionEvent.Ended) {
          endLine = number;
        }
        events.add(event);
      }
    }
    if (header == null) {
      throw new IOException(problems.isEmpty() ? file + ": empty: not a Twinline session"
          : problems.get(0));
    }
    return new Recording(header, events, problems);
  }

  /** The next line (without its end), null at the end; a last line without '\n' counts. */
  private static String readLine(InputStream in, java.io.ByteArrayOutputStream pending,
      Path file, int number) throws IOException {
    pending.reset();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        return pending.toString(StandardCharsets.UTF_8);
      }
      if (pending.size() == MAX_LINE_BYTES) {
        throw new IOException(file + ":" + number + ": the line is longer than "
            + (MAX_LINE_BYTES >> 20) + " MiB; a session line is one short event");
      }
      pending.write(b);
    }
    return pending.size() == 0 ? null : pending.toString(StandardCharsets.UTF_8);
  }

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /** Refuses to read more than {@code limit} bytes: a small gzip file can inflate to gigabytes. */
  private static final class Capped extends java.io.FilterInputStream {
    private final long limit;
    private long count;

    Capped(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      count += n;
      if (count > limit) {
        throw new TooLarge("more than " + (limit >> 20) + " MiB once uncompressed;"
            + " no session Twinline records is that large (a compressed bomb?)");
      }
    }
  }

  private static InputStream open(Path file) throws IOException {
    PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 2);
    byte[] magic = new byte[2];
    int n = in.readNBytes(magic, 0, 2);
    in.unread(magic, 0, n);
    boolean gzip = n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    return gzip ? new GZIPInputStream(in, 1 << 16) : in;
  }
}
