package org.sigmaworkbench.kql;

import java.util.Set;

/** Words KQL reserves, which cannot be written as bare column names. */
final class KqlKeywords {
  private static final Set<String> RESERVED =
      Set.of(
          "and",
          "or",
          "not",
          "in",
          "has",
          "contains",
          "between",
          "by",
          "on",
          "with",
          "where",
          "project",
          "extend",
          "summarize",
          "let",
          "true",
          "false",
          "null",
          "datatable",
          "typeof",
          "as",
          "asc",
          "desc",
          "from",
          "to",
          "of",
          "kind",
          "like",
          "matches",
          "regex",
          "startswith",
          "endswith",
          "search",
          "find",
          "range",
          "print",
          "union",
          "join",
          "take",
          "limit",
          "top",
          "sort",
          "order",
          "count",
          "distinct",
          "evaluate",
          "invoke",
          "render",
          "set",
          "alias",
          "declare",
          "restrict",
          "access",
          "pattern",
          "materialize",
          "toscalar",
          "bool",
          "int",
          "long",
          "real",
          "double",
          "string",
          "datetime",
          "date",
          "time",
          "timespan",
          "guid",
          "dynamic",
          "decimal");

  private KqlKeywords() {}

  static boolean isReserved(String name) {
    return RESERVED.contains(name);
  }
}
