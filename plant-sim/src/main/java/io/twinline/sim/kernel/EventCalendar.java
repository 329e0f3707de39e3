package io.twinline.sim.kernel;

import java.util.Arrays;

/**
 * The future event list: a binary min-heap of events ordered by (time, priority, sequence
 * number). Each event knows its heap index, so cancelling is O(log n) and a cancelled event
 * leaves no garbage behind in the heap.
 *
 * <p>Not thread-safe: owned by the simulation thread.
 */
final class EventCalendar {

  private ScheduledEvent[] heap = new ScheduledEvent[64];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  ScheduledEvent peek() {
    return size == 0 ? null : heap[0];
  }

  void add(ScheduledEvent event) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    event.heapIndex = size;
    heap[size++] = event;
    siftUp(event.heapIndex);
  }

  ScheduledEvent poll() {
    if (size == 0) {
      return null;
    }
    ScheduledEvent first = heap[0];
    removeAt(0);
    return first;
  }

  boolean remove(ScheduledEvent event) {
    int index = event.heapIndex;
    if (index < 0 || index >= size || heap[index] != event) {
      return false;
    }
    removeAt(index);
    return true;
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].heapIndex = -1;
      heap[i] = null;
    }
    size = 0;
  }

  private void removeAt(int index) {
    ScheduledEvent removed = heap[index];
    removed.heapIndex = -1;
    size--;
    if (index == size) {
      heap[size] = null;
      return;
    }
    ScheduledEvent last = heap[size];
    heap[size] = null;
    heap[index] = last;
    last.heapIndex = index;
    siftDown(index);
    if (heap[index] == last) {
      siftUp(index);
    }
  }

  private void siftUp(int index) {
    ScheduledEvent event = heap[index];
    while (index > 0) {
      int parentIndex = (index - 1) >>> 1;
      ScheduledEvent parent = heap[parentIndex];
      if (!event.runsBefore(parent)) {
        break;
      }
      heap[index] = parent;
      parent.heapIndex = index;
      index = parentIndex;
    }
    heap[index] = event;
    event.heapIndex = index;
  }

  private void siftDown(int index) {
    ScheduledEvent event = heap[index];
    int half = size >>> 1;
    while (index < half) {
      int childIndex = 2 * index + 1;
      ScheduledEvent child = heap[childIndex];
      int rightIndex = childIndex + 1;
      if (rightIndex < size && heap[rightIndex].runsBefore(child)) {
        childIndex = rightIndex;
        child = heap[rightIndex];
      }
      if (!child.runsBefore(event)) {
        break;
      }
      heap[index] = child;
      child.heapIndex = index;
      index = childIndex;
    }
    heap[index] = event;
    event.heapIndex = index;
  }
}
