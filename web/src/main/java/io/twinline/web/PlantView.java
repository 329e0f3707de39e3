package io.twinline.web;

import io.twinline.sim.fault.ActiveFault;
import io.twinline.sim.flow.Conveyor;
import io.twinline.sim.plant.Component;
import io.twinline.sim.plant.Plant;
import io.twinline.sim.run.ClearFault;
import io.twinline.sim.run.Command;
import io.twinline.sim.run.Force;
import io.twinline.sim.run.InjectFault;
import io.twinline.sim.run.LoadRecipe;
import io.twinline.sim.run.Operate;
import io.twinline.sim.run.Release;
import io.twinline.sim.run.Session;
import io.twinline.sim.run.Snapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console shows besides signal values, read on the simulation thread once per frame:
 * the parts on each conveyor, the faults in force, the recipe, and the commands applied since
 * the last look (so that what OPC UA clients did reaches the event log too).
 *
 * @param parts the positions of the parts' leading edges on each conveyor, metres
 * @param faults the faults in force
 * @param recipe the recipe loaded last
 * @param commands the commands applied since the journal index asked for, with their times
 * @param journalSize the journal's length after them (the next index to ask for)
 * @param reset whether the journal is shorter than the index asked for (the line was reset)
 */
record PlantView(Map<String, List<Double>> parts, List<ActiveFault> faults,
    Optional<String> recipe, List<Snapshot.JournalEntry> commands, int journalSize,
    boolean reset) {

  /** Reads the view; simulation thread only. */
  static PlantView read(Plant plant, Session session, int journalFrom, boolean withParts) {
    Map<String, List<Double>> parts = new LinkedHashMap<>();
    if (withParts) {
      for (Component component : plant.components().values()) {
        if (component instanceof Conveyor conveyor) {
          parts.put(conveyor.name(), conveyor.partPositions());
        }
      }
    }
    int size = session.journalSize();
    boolean reset = size < journalFrom;
    List<Snapshot.JournalEntry> noteworthy = new ArrayList<>();
    for (Snapshot.JournalEntry entry : session.journalSince(reset ? 0 : journalFrom)) {
      if (noteworthy(entry.command())) {
        noteworthy.add(entry);
      }
    }
    return new PlantView(parts, List.copyOf(plant.faults().active()), plant.recipe(),
        noteworthy, size, reset);
  }

  /** Commands worth an event: not the PLC's plain writes, which come every cycle. */
  static boolean noteworthy(Command command) {
    return command instanceof Force || command instanceof Release
        || command instanceof InjectFault || command instanceof ClearFault
        || command instanceof LoadRecipe || command instanceof Operate;
  }

  /** The event kind of a command. */
  static String kindOf(Command command) {
    if (command instanceof Force || command instanceof Release) {
      return "force";
    }
    if (command instanceof InjectFault || command instanceof ClearFault) {
      return "fault";
    }
    if (command instanceof LoadRecipe) {
      return "recipe";
    }
    return command instanceof Operate ? "operator" : "write";
  }

  JsonObject partsJson() {
    JsonObject json = new JsonObject();
    parts.forEach((conveyor, positions) -> json.put(conveyor, new JsonArray(
        positions.stream().map(p -> (Object) (Math.round(p * 1000) / 1000.0)).toList())));
    return json;
  }

  static JsonArray faultsJson(List<ActiveFault> faults) {
    JsonArray json = new JsonArray();
    for (ActiveFault fault : faults) {
      JsonObject f = new JsonObject()
          .put("id", fault.spec().id())
          .put("target", fault.spec().target())
          .put("kind", fault.spec().kind().keyword())
          .put("description", fault.spec().describe())
          .put("since", fault.since());
      if (fault.until() != Long.MAX_VALUE && fault.until() >= 0) {
        f.put("until", fault.until());
      }
      json.add(f);
    }
    return json;
  }
}
