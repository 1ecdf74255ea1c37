package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.kqleval.KqlQuery;
import org.sigmaworkbench.engine.kqleval.KqlRow;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.kql.QueryReach;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventOrigins;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;

/**
 * A hit in the test pane is a promise about the exported query: for every process-creation rule of
 * the corpus over the curated .evtx files, the events the matcher hits within the reach of the
 * Azure Monitor query are exactly the rows that query returns. Each event is presented as a row of
 * every table that holds its channel (the target's {@code reads}), its columns filled through the
 * table's field mapping read forwards (a column a Sigma field is mapped to holds that field, any
 * other column the event's field of the same name, a dynamic {@code other_fields} column every
 * field), and the written KQL is run over those rows by the test's KQL evaluator.
 */
class ReachAgreementCorpusTest {

  private static final String TARGET = "azure_monitor";

  @Test
  void inReachHitsAreTheRowsTheAzureMonitorQueryReturns() throws IOException {
    List<String> sources = new ArrayList<>();
    List<CompiledRule> rules = HuntCorpusTest.processCreationRules(sources).rules();
    Target target = TargetCatalog.get(TARGET);
    KqlWriter writer = new KqlWriter(target);
    QueryReach reach = new QueryReach(target);
    List<KqlResult> written = new ArrayList<>();
    List<KqlQuery> queries = new ArrayList<>();
    for (CompiledRule r : rules) {
      KqlResult k = writer.write(r.rule());
      written.add(k);
      queries.add(k.ok() ? KqlQuery.parse(k.query()) : null);
    }
    Map<String, long[]> counts = new TreeMap<>();
    TreeSet<String> matcherOnly = new TreeSet<>();
    TreeSet<String> kqlOnly = new TreeSet<>();
    long inReach = 0;
    long events = 0;
    for (Path log : logs()) {
      try (EventStream s = LogReaders.open(log)) {
        Event e;
        while ((e = s.next()) != null) {
          events++;
          Map<Target.Table, KqlRow> rows = new java.util.IdentityHashMap<>();
          for (int i = 0; i < rules.size(); i++) {
            CompiledRule r = rules.get(i);
            boolean hit =
                r.appliesTo(e)
                    && r.matches(e)
                    && reach.outside(r.rule(), EventOrigins.of(e)) == null;
            boolean returned = false;
            KqlQuery q = queries.get(i);
            if (q != null) {
              for (Target.Branch b : written.get(i).reads()) {
                if (holds(b.table(), e)) {
                  Event ev = e;
                  KqlRow row = rows.computeIfAbsent(b.table(), t -> row(t, ev));
                  returned |= q.keeps(b.table().name(), row);
                }
              }
            }
            if (hit || returned) {
              long[] c = counts.computeIfAbsent(sources.get(i), k -> new long[2]);
              c[0] += hit ? 1 : 0;
              c[1] += returned ? 1 : 0;
            }
            inReach += hit ? 1 : 0;
            String where = sources.get(i) + " on " + e.file() + "#" + e.record();
            if (hit && !returned) {
              matcherOnly.add(where);
            } else if (returned && !hit) {
              kqlOnly.add(where);
            }
          }
        }
      } catch (LogFormatException ex) {
        throw new AssertionError(ex);
      }
    }
    StringBuilder table = new StringBuilder("rule: matcher hits in reach / KQL rows\n");
    counts.forEach(
        (k, v) ->
            table.append(k).append(": ").append(v[0]).append(" / ").append(v[1]).append('\n'));
    System.out.print(table);
    assertThat(events).isGreaterThan(5000);
    assertThat(inReach).as("in-reach hits in the corpus").isGreaterThan(300);
    assertThat(matcherOnly).as("hit by the matcher, not returned by the query").isEmpty();
    assertThat(kqlOnly).as("returned by the query, not hit by the matcher").isEmpty();
  }

  /** Whether the event is a row of the table: the table holds the event's channel. */
  private static boolean holds(Target.Table table, Event e) {
    String channel = e.get("Channel");
    return channel != null && table.reads().readsChannel(channel);
  }

  /** The event as a row of the table. */
  private static KqlRow row(Target.Table table, Event e) {
    KqlRow row = new KqlRow(table.columns());
    Map<String, String> fields = e.fields();
    for (Map.Entry<String, String> c : table.columns().entrySet()) {
      String column = c.getKey();
      if (column.equals(table.otherFields())) {
        fields.forEach((name, value) -> row.setProperty(column, name, value));
        continue;
      }
      String value = null;
      for (Map.Entry<String, List<String>> f : table.fields().entrySet()) {
        if (f.getValue().contains(column) && e.get(f.getKey()) != null) {
          value = e.get(f.getKey());
          break;
        }
      }
      if (value == null) {
        value = e.get(column);
      }
      if (value == null) {
        continue;
      }
      boolean integer = c.getValue().equals("int") || c.getValue().equals("long");
      if (!integer || value.strip().matches("-?[0-9]+")) {
        row.set(column, integer ? value.strip() : value);
      }
    }
    return row;
  }

  private static List<Path> logs() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(TestFiles.corpus("evtx"))) {
      s.filter(p -> p.toString().endsWith(".evtx")).sorted().forEach(out::add);
    }
    return out;
  }
}
