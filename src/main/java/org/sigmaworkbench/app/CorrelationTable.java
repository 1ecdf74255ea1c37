package org.sigmaworkbench.app;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.sigmaworkbench.engine.CorrelationHit;
import org.sigmaworkbench.engine.EventTime;
import org.sigmaworkbench.engine.RunWords;

/**
 * The correlation hits of the rule in the editor: one row per hit (correlation, group, window,
 * value, number of events) that opens to its events. Keyboard: Up/Down move, Right (or the
 * disclosure arrow) opens a hit, Left closes it; the selected hit or event is shown in the detail
 * below. Items are {@link CorrelationHit} and {@link CorrelationHit.Member} objects.
 */
final class CorrelationTable extends TreeTableView<Object> {

  CorrelationTable(ObservableList<CorrelationHit> hits, Consumer<Object> show) {
    setId("correlationTable");
    setShowRoot(false);
    setRoot(new TreeItem<>("hits"));
    setPrefHeight(170);
    setMinHeight(130);
    setPlaceholder(new Label("No correlation hit in the loaded logs"));
    getColumns().add(column("Correlation", 260, CorrelationTable::first));
    getColumns().add(column("Group", 200, CorrelationTable::group));
    getColumns().add(column("Window (UTC)", 330, CorrelationTable::window));
    getColumns().add(column("Value", 80, CorrelationTable::value));
    getColumns().add(column("Rule", 140, CorrelationTable::rule));
    hits.addListener((ListChangeListener<CorrelationHit>) c -> fill(hits));
    fill(hits);
    getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                show.accept(b.getValue());
              }
            });
  }

  private void fill(ObservableList<CorrelationHit> hits) {
    getRoot().getChildren().clear();
    for (CorrelationHit h : hits) {
      TreeItem<Object> item = new TreeItem<>(h);
      for (CorrelationHit.Member m : h.events()) {
        item.getChildren().add(new TreeItem<>(m));
      }
      getRoot().getChildren().add(item);
    }
  }

  private static TreeTableColumn<Object, String> column(
      String name, double width, Function<Object, String> f) {
    TreeTableColumn<Object, String> c = new TreeTableColumn<>(name);
    c.setPrefWidth(width);
    c.setSortable(false);
    c.setCellValueFactory(
        d ->
            new ReadOnlyStringWrapper(
                d.getValue() == null ? "" : f.apply(d.getValue().getValue())));
    return c;
  }

  private static String first(Object o) {
    if (o instanceof CorrelationHit h) {
      return h.title() + " (" + RunWords.count(h.events().size(), "event") + ")";
    }
    if (o instanceof CorrelationHit.Member m) {
      return m.file() + " #" + m.record();
    }
    return "";
  }

  private static String group(Object o) {
    if (o instanceof CorrelationHit h) {
      return groupText(h.group());
    }
    return "";
  }

  private static String groupText(Map<String, String> group) {
    StringBuilder b = new StringBuilder();
    group.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return b.toString();
  }

  private static String window(Object o) {
    if (o instanceof CorrelationHit h) {
      return EventTime.format(h.windowStart()) + " .. " + EventTime.format(h.windowEnd());
    }
    if (o instanceof CorrelationHit.Member m) {
      return EventTime.format(m.time());
    }
    return "";
  }

  private static String value(Object o) {
    if (o instanceof CorrelationHit h) {
      return valueText(h.value());
    }
    return "";
  }

  private static String rule(Object o) {
    if (o instanceof CorrelationHit h) {
      return h.correlation().type();
    }
    if (o instanceof CorrelationHit.Member m) {
      return m.rule();
    }
    return "";
  }

  static String valueText(Number v) {
    if (v instanceof Long) {
      return v.toString();
    }
    double d = v.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** One line on a hit: what held, where and when. */
  static String summary(CorrelationHit h) {
    return "CORRELATION: "
        + h.title()
        + " ["
        + h.correlation().type()
        + "] "
        + groupText(h.group())
        + " — "
        + EventTime.format(h.windowStart())
        + " .. "
        + EventTime.format(h.windowEnd())
        + ", value "
        + valueText(h.value())
        + ", "
        + RunWords.count(h.events().size(), "event");
  }

  static String describe(CorrelationHit.Member m) {
    return EventTime.format(m.time())
        + "  "
        + m.file()
        + " #"
        + m.record()
        + "  ("
        + m.rule()
        + ")";
  }
}
