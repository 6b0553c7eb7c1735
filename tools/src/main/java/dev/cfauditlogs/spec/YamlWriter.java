package dev.cfauditlogs.spec;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/**
 * Writes a tree as block-style YAML: two-space indents, sequences indented under their key, long
 * text folded ({@code >-}), multi-line text literal ({@code |}), and quotes wherever a YAML 1.1 or
 * YAML 1.2 reader could mistake a string for something else ({@code '2019-04-30'}, {@code '1e5'},
 * {@code 'yes'}). The output is checked by reading it back; the same tree always gives the same
 * bytes.
 */
final class YamlWriter {
  private static final int WIDTH = 100;
  private static final int FOLD_ABOVE = 80;

  private final boolean blockScalars;

  private YamlWriter(boolean blockScalars) {
    this.blockScalars = blockScalars;
  }

  /** The YAML text of {@code tree}, whose maps are already in the order wanted. */
  static String write(Object tree) {
    String text = new YamlWriter(true).emit(tree);
    if (readsBackAs(text, tree)) {
      return text;
    }
    // A folded or literal scalar did not survive; plain and quoted scalars always do.
    String plain = new YamlWriter(false).emit(tree);
    if (readsBackAs(plain, tree)) {
      return plain;
    }
    throw new IllegalStateException("the YAML emitter changed a value; this is a bug");
  }

  /** The YAML text of a large generated tree, without the read-back check. */
  static String writeUnchecked(Object tree) {
    return new YamlWriter(true).emit(tree);
  }

  private static boolean readsBackAs(String text, Object tree) {
    return tree.equals(YamlTreeReader.read(new StringReader(text), "the written slice"));
  }

  private String emit(Object tree) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(WIDTH);
    options.setSplitLines(true);
    options.setAllowUnicode(true);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
    options.setMaxSimpleKeyLength(1024);
    StringWriter out = new StringWriter();
    try {
      Serializer serializer =
          new Serializer(new Emitter(out, options), new QuotingResolver(), options, null);
      serializer.open();
      serializer.serialize(node(tree));
      serializer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString();
    // After a strip-chomped block scalar (>-) the emitter ends without a line break; add one.
    return text.endsWith("\n") ? text : text + "\n";
  }

  @SuppressWarnings("unchecked")
  private Node node(Object value) {
    if (value instanceof Map) {
      List<NodeTuple> tuples = new ArrayList<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        tuples.add(
            new NodeTuple(scalar(Tag.STR, e.getKey(), ScalarStyle.PLAIN), node(e.getValue())));
      }
      return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
    }
    if (value instanceof List) {
      List<Node> items = new ArrayList<>();
      for (Object item : (List<Object>) value) {
        items.add(node(item));
      }
      return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
    }
    if (value instanceof String) {
      return scalar(Tag.STR, (String) value, style((String) value));
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return scalar(Tag.INT, value.toString(), ScalarStyle.PLAIN);
    }
    if (value instanceof Double) {
      return scalar(Tag.FLOAT, Scalars.formatDouble((Double) value), ScalarStyle.PLAIN);
    }
    if (value instanceof Boolean) {
      return scalar(Tag.BOOL, value.toString(), ScalarStyle.PLAIN);
    }
    if (value == null) {
      return scalar(Tag.NULL, "null", ScalarStyle.PLAIN);
    }
    throw new IllegalArgumentException("not a document value: " + value.getClass());
  }

  private ScalarStyle style(String text) {
    if (!blockScalars) {
      return ScalarStyle.PLAIN;
    }
    if (text.indexOf('\n') >= 0) {
      return ScalarStyle.LITERAL;
    }
    return text.length() > FOLD_ABOVE ? ScalarStyle.FOLDED : ScalarStyle.PLAIN;
  }

  private static ScalarNode scalar(Tag tag, String value, ScalarStyle style) {
    return new ScalarNode(tag, value, null, null, style);
  }

  /**
   * SnakeYAML's YAML 1.1 resolver plus the YAML 1.2 core schema, so that a string is quoted
   * whenever either kind of reader would take it for a number, a boolean, a null or a date.
   */
  private static final class QuotingResolver extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      Tag tag = super.resolve(kind, value, implicit);
      if (implicit && kind == NodeId.scalar && tag.equals(Tag.STR) && Scalars.isAmbiguous(value)) {
        return Tag.FLOAT;
      }
      return tag;
    }
  }
}
