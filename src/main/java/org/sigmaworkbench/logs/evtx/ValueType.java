package org.sigmaworkbench.logs.evtx;

/** The value types of binary XML substitutions ({@code 0x80} marks an array of the base type). */
final class ValueType {
  static final int NULL = 0x00;
  static final int STRING = 0x01;
  static final int ANSI_STRING = 0x02;
  static final int INT8 = 0x03;
  static final int UINT8 = 0x04;
  static final int INT16 = 0x05;
  static final int UINT16 = 0x06;
  static final int INT32 = 0x07;
  static final int UINT32 = 0x08;
  static final int INT64 = 0x09;
  static final int UINT64 = 0x0A;
  static final int REAL32 = 0x0B;
  static final int REAL64 = 0x0C;
  static final int BOOL = 0x0D;
  static final int BINARY = 0x0E;
  static final int GUID = 0x0F;
  static final int SIZE_T = 0x10;
  static final int FILETIME = 0x11;
  static final int SYSTEMTIME = 0x12;
  static final int SID = 0x13;
  static final int HEX_INT32 = 0x14;
  static final int HEX_INT64 = 0x15;
  static final int EVT_HANDLE = 0x20;
  static final int BINXML = 0x21;
  static final int EVT_XML = 0x23;
  static final int ARRAY = 0x80;

  private ValueType() {}

  static boolean isArray(int type) {
    return (type & ARRAY) != 0;
  }

  /** A name for messages, e.g. {@code UInt32} or {@code array of String}. */
  static String name(int type) {
    if (isArray(type)) {
      return "array of " + name(type & 0x7F);
    }
    return switch (type) {
      case NULL -> "Null";
      case STRING -> "String";
      case ANSI_STRING -> "AnsiString";
      case INT8 -> "Int8";
      case UINT8 -> "UInt8";
      case INT16 -> "Int16";
      case UINT16 -> "UInt16";
      case INT32 -> "Int32";
      case UINT32 -> "UInt32";
      case INT64 -> "Int64";
      case UINT64 -> "UInt64";
      case REAL32 -> "Real32";
      case REAL64 -> "Real64";
      case BOOL -> "Boolean";
      case BINARY -> "Binary";
      case GUID -> "GUID";
      case SIZE_T -> "SizeT";
      case FILETIME -> "FILETIME";
      case SYSTEMTIME -> "SYSTEMTIME";
      case SID -> "SID";
      case HEX_INT32 -> "HexInt32";
      case HEX_INT64 -> "HexInt64";
      case EVT_HANDLE -> "EvtHandle";
      case BINXML -> "BinXml";
      case EVT_XML -> "EvtXml";
      default -> String.format("unknown type 0x%02x", type);
    };
  }

  /** The size of one item of a fixed-size type, or 0 for types of variable size. */
  static int fixedSize(int baseType) {
    return switch (baseType) {
      case INT8, UINT8 -> 1;
      case INT16, UINT16 -> 2;
      case INT32, UINT32, REAL32, HEX_INT32, BOOL -> 4;
      case INT64, UINT64, REAL64, HEX_INT64, FILETIME -> 8;
      case GUID, SYSTEMTIME -> 16;
      default -> 0;
    };
  }
}
