package dev.cfauditlogs.spec;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a YAML document into the same tree {@link JsonTreeReader} builds, straight from SnakeYAML's
 * parser events (no intermediate node graph, so a 30 MB document needs little more heap than its
 * tree). Plain scalars follow the YAML 1.2 core schema; anchors and aliases and {@code <<} merge
 * keys are supported; map keys are always strings, as in JSON.
 */
final class YamlTreeReader {
  private static final String YAML_TAG = "tag:yaml.org,2002:";

  private final Parser parser;
  private final Interner interner = new Interner();
  private final Map<String, Object> anchors = new HashMap<>();

  /** Collections still being filled, by identity: a map's hash changes as it fills. */
  private final Set<Object> unfinished = Collections.newSetFromMap(new IdentityHashMap<>());

  private final Deque<Frame> stack = new ArrayDeque<>();
  private Object root;

  private YamlTreeReader(Reader reader) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    this.parser = new ParserImpl(new StreamReader(reader), options);
  }

  static Object read(Reader reader, String name) {
    try {
      return new YamlTreeReader(reader).document();
    } catch (YAMLException e) {
      throw new SpecException("cannot parse YAML from " + name + ": " + oneLine(e.getMessage()), e);
    }
  }

  private Object document() {
    int documents = 0;
    while (true) {
      Event event = parser.getEvent();
      switch (event.getEventId()) {
        case StreamEnd:
          if (documents == 0) {
            throw new SpecException("the YAML stream holds no document");
          }
          return root;
        case DocumentStart:
          if (++documents > 1) {
            throw new SpecException("expected one YAML document but found more");
          }
          break;
        case MappingStart:
          start(event, new LinkedHashMap<String, Object>());
          break;
        case SequenceStart:
          start(event, new ArrayList<Object>());
          break;
        case MappingEnd:
        case SequenceEnd:
          Frame done = stack.pop();
          unfinished.remove(done.container);
          if (done.pendingKey != null) {
            throw new SpecException("mapping key without value: " + done.pendingKey);
          }
          add(done.container);
          break;
        case Scalar:
          ScalarEvent scalar = (ScalarEvent) event;
          Object value = scalar(scalar);
          remember(scalar, value);
          if (stack.peek() != null && stack.peek().expectsKey()) {
            key(scalar.getValue(), scalar.isPlain() && scalar.getValue().equals("<<"));
          } else {
            add(value);
          }
          break;
        case Alias:
          String anchor = ((AliasEvent) event).getAnchor();
          if (!anchors.containsKey(anchor)) {
            throw new SpecException("alias *" + anchor + " refers to no anchor " + at(event));
          }
          Object target = anchors.get(anchor);
          if (target != null && unfinished.contains(target)) {
            throw new SpecException("alias *" + anchor + " refers to itself " + at(event));
          }
          if (stack.peek() != null && stack.peek().expectsKey()) {
            throw new SpecException("an alias as a mapping key is not supported " + at(event));
          }
          add(target);
          break;
        default:
          break;
      }
    }
  }

  private void start(Event event, Object container) {
    if (stack.peek() != null && stack.peek().expectsKey()) {
      throw new SpecException("a collection as a mapping key is not supported " + at(event));
    }
    remember((NodeEvent) event, container);
    unfinished.add(container);
    stack.push(new Frame(container));
  }

  private void remember(NodeEvent event, Object value) {
    if (event.getAnchor() != null) {
      anchors.put(event.getAnchor(), value);
    }
  }

  private void key(String text, boolean merge) {
    Frame frame = stack.peek();
    frame.pendingKey = interner.intern(text);
    frame.merging = merge;
  }

  @SuppressWarnings("unchecked")
  private void add(Object value) {
    Frame frame = stack.peek();
    if (frame == null) {
      root = value;
      return;
    }
    if (frame.container instanceof List) {
      ((List<Object>) frame.container).add(value);
      return;
    }
    Map<String, Object> map = (Map<String, Object>) frame.container;
    if (frame.merging) {
      merge(frame, value);
    } else {
      boolean wasMerged = frame.merged != null && frame.merged.remove(frame.pendingKey);
      if (map.containsKey(frame.pendingKey) && !wasMerged) {
        throw new SpecException("duplicate key '" + frame.pendingKey + "'");
      }
      map.put(frame.pendingKey, value); // an explicit key wins over a merged one
    }
    frame.pendingKey = null;
    frame.merging = false;
  }

  @SuppressWarnings("unchecked")
  private static void merge(Frame frame, Object value) {
    Map<String, Object> map = (Map<String, Object>) frame.container;
    List<Object> sources = value instanceof List ? (List<Object>) value : List.of(value);
    for (Object source : sources) {
      if (!(source instanceof Map)) {
        throw new SpecException("a << merge key needs a mapping or a list of mappings");
      }
      for (Map.Entry<String, Object> e : ((Map<String, Object>) source).entrySet()) {
        if (!map.containsKey(e.getKey())) {
          map.put(e.getKey(), e.getValue());
          if (frame.merged == null) {
            frame.merged = new HashSet<>();
          }
          frame.merged.add(e.getKey());
        }
      }
    }
  }

  private Object scalar(ScalarEvent event) {
    String tag = event.getTag();
    String text = event.getValue();
    if (tag == null) {
      return event.isPlain() ? intern(Scalars.resolvePlain(text)) : interner.intern(text);
    }
    switch (tag) {
      case YAML_TAG + "null":
        return null;
      case YAML_TAG + "bool":
        return Boolean.valueOf(text.toLowerCase(Locale.ROOT).equals("true"));
      case YAML_TAG + "int":
      case YAML_TAG + "float":
        Object number = Scalars.resolvePlain(text);
        if (!(number instanceof Number)) {
          throw new SpecException(
              "'" + text + "' is not a valid !!" + tag.substring(YAML_TAG.length()));
        }
        return number;
      default:
        return interner.intern(text);
    }
  }

  private Object intern(Object value) {
    return value instanceof String ? interner.intern((String) value) : value;
  }

  private static String at(Event event) {
    return "at line " + (event.getStartMark().getLine() + 1);
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\n\\s*", " ").trim();
  }

  /** A mapping or sequence being filled. */
  private static final class Frame {
    final Object container;

    /** Keys that came from a {@code <<} merge, which an explicit key may still override. */
    Set<String> merged;

    String pendingKey;
    boolean merging;

    Frame(Object container) {
      this.container = container;
    }

    boolean expectsKey() {
      return container instanceof Map && pendingKey == null;
    }
  }
}
