package dev.cfauditlogs.cli;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text constants of a class file's constant pool (JVMS 4.4): every class, member, descriptor
 * and string literal a class refers to is one of them, so a class refers to a package only if some
 * constant names it. Read by hand so that the check needs no tool of a particular JDK.
 */
final class ClassReferences {
  private ClassReferences() {}

  /**
   * Every {@code CONSTANT_Utf8} of {@code classFile}, decoded.
   *
   * @throws IOException when the bytes are not a class file, or hold a constant kind this reader
   *     does not know (a newer class-file version: extend the reader rather than skip it)
   */
  static List<String> utf8Constants(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file (no 0xCAFEBABE)");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    List<String> texts = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1: // Utf8: u2 length, then modified UTF-8, which readUTF reads
          texts.add(in.readUTF());
          break;
        case 7: // Class
        case 8: // String
        case 16: // MethodType
        case 19: // Module
        case 20: // Package
          in.skipNBytes(2);
          break;
        case 15: // MethodHandle
          in.skipNBytes(3);
          break;
        case 3: // Integer
        case 4: // Float
        case 9: // Fieldref
        case 10: // Methodref
        case 11: // InterfaceMethodref
        case 12: // NameAndType
        case 17: // Dynamic
        case 18: // InvokeDynamic
          in.skipNBytes(4);
          break;
        case 5: // Long
        case 6: // Double: eight bytes, and it takes two entries
          in.skipNBytes(8);
          i++;
          break;
        default:
          throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    return texts;
  }
}
