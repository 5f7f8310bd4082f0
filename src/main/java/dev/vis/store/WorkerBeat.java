package dev.vis.store;

/**
 * What a worker's heartbeat found.
 *
 * @param live the run's live workers, this one included (at least 1)
 * @param othersApplied the smallest share any other live worker applies (as a number of workers;
 *     {@link Integer#MAX_VALUE} when there is no other): once it reaches {@code live}, every other
 *     worker has made room for this one
 */
public record WorkerBeat(int live, int othersApplied) {

  /** Whether every other live worker keeps no more than a {@code 1 / live} share by now. */
  public boolean othersMadeRoom() {
    return othersApplied >= live;
  }
}
