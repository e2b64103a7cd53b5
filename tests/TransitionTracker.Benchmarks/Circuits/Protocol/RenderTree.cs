using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace TransitionTracker.Benchmarks.Circuits.Protocol;

/// <summary>One node of a circuit's logical tree: an element, a text, a block of markup, or a component's place.</summary>
internal sealed class Node
{
    public Node(NodeKind kind, string? name = null, string? text = null)
    {
        Kind = kind;
        Name = name;
        Text = text;
    }

    public NodeKind Kind { get; }

    /// <summary>The element's name (lower case), or the component's id as text for a component's place.</summary>
    public string? Name { get; }

    /// <summary>A text's content, or the raw HTML of a markup block.</summary>
    public string? Text { get; set; }

    public Node? Parent { get; set; }

    // Made on first use: most nodes are texts, and most elements have a few attributes and no handlers (short lists,
    // smaller than dictionaries, for 200 pages' trees in one process).
    private List<Node>? _children;
    private List<KeyValuePair<string, string>>? _attributes;
    private List<KeyValuePair<string, ulong>>? _events;

    public List<Node> Children => _children ??= [];

    public IEnumerable<KeyValuePair<string, string>> Attributes => _attributes ?? [];

    /// <summary>Bumped on this node and every ancestor whenever children or text change below it (as a MutationObserver sees childList and characterData).</summary>
    public long Version { get; set; }

    public string? Attribute(string name) => Find(_attributes, name) is var i and >= 0 ? _attributes![i].Value : null;

    public bool HasAttribute(string name) => Find(_attributes, name) >= 0;

    /// <summary>The id of the element's handler for the event ("click", "change"), if it has one.</summary>
    public ulong? Handler(string eventName) => Find(_events, eventName) is var i and >= 0 ? _events![i].Value : null;

    public void SetAttribute(string name, string? value) => Set(ref _attributes, name, value ?? "", value is not null);

    public void SetEvent(string name, ulong? handler) => Set(ref _events, name, handler ?? 0, handler is not null);

    private static int Find<T>(List<KeyValuePair<string, T>>? list, string name)
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (string.Equals(list![i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Set<T>(ref List<KeyValuePair<string, T>>? list, string name, T value, bool present)
    {
        var i = Find(list, name);
        if (!present)
        {
            if (i >= 0)
            {
                list!.RemoveAt(i);
            }
        }
        else if (i >= 0)
        {
            list![i] = new(name, value);
        }
        else
        {
            (list ??= new(2)).Add(new(name, value));
        }
    }

    public bool HasClass(string cssClass) =>
        Attribute("class") is { } classes && classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cssClass, StringComparer.Ordinal);

    /// <summary>Everything below the node, depth first, components' places looked through.</summary>
    public IEnumerable<Node> Descendants()
    {
        if (_children is null)
        {
            yield break;
        }

        var stack = new Stack<Node>();
        for (var i = _children.Count - 1; i >= 0; i--)
        {
            stack.Push(_children[i]);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            if (node._children is { } children)
            {
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
        }
    }

    public IEnumerable<Node> Elements(string? name = null) =>
        Descendants().Where(n => n.Kind == NodeKind.Element && (name is null || n.Name == name));

    public IEnumerable<Node> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            yield return node;
        }
    }

    /// <summary>The text a browser's textContent gives: texts, and markup with its tags taken out.</summary>
    public string TextContent()
    {
        var text = new StringBuilder();
        Append(this, text);
        return text.ToString();

        static void Append(Node node, StringBuilder text)
        {
            switch (node.Kind)
            {
                case NodeKind.Text:
                    text.Append(node.Text);
                    return;
                case NodeKind.Markup:
                    text.Append(System.Net.WebUtility.HtmlDecode(Tags().Replace(node.Text ?? "", "")));
                    return;
                default:
                    foreach (var child in node._children ?? [])
                    {
                        Append(child, text);
                    }

                    return;
            }
        }
    }

    private static Regex Tags() => TagPattern;

    private static readonly Regex TagPattern = new("<[^>]*>", RegexOptions.Compiled);
}

internal enum NodeKind
{
    Element,
    Text,
    Markup,
    Component,
}

/// <summary>
/// A circuit's rendered tree, kept up to date from its render batches as blazor.web.js keeps the DOM: each component
/// has a place (a logical container) in its parent; regions are flattened into their parent; markup is kept as HTML.
/// The batch format is the server's RenderBatchWriter's (docs/performance.md, "Load: users at work").
/// </summary>
internal sealed class RenderTree
{
    private readonly Dictionary<int, Node> _components = [];

    /// <summary>The root components' places, in the order they first rendered.</summary>
    public List<Node> Roots { get; } = [];

    public IEnumerable<Node> All() => Roots.SelectMany(root => root.Descendants());

    public Node? ById(string id) => All().FirstOrDefault(n => n.Kind == NodeKind.Element && n.Attribute("id") == id);

    /// <summary>Applies one render batch and says what it held (worded only when traced).</summary>
    public BatchSummary Apply(byte[] data)
    {
        var batch = new Batch(data);
        var updated = batch.Int(data.Length - 20);
        var count = batch.Int(updated);
        var kinds = new int[11];
        for (var i = 0; i < count; i++)
        {
            var diff = batch.Int(updated + 4 + (4 * i));
            var componentId = batch.Int(diff);
            var edits = batch.Int(diff + 4);
            for (var e = 0; e < edits; e++)
            {
                kinds[Math.Clamp(batch.Int(diff + 8 + (16 * e)), 0, 10)]++;
            }

            if (!_components.TryGetValue(componentId, out var place))
            {
                place = new Node(NodeKind.Component, componentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _components[componentId] = place;
                Roots.Add(place);
            }

            ApplyEdits(batch, place, diff + 8, edits);
        }

        var disposed = batch.Int(data.Length - 12);
        for (var i = 0; i < batch.Int(disposed); i++)
        {
            var componentId = batch.Int(disposed + 4 + (4 * i));
            if (_components.Remove(componentId, out var place) && place.Parent is null)
            {
                Roots.Remove(place);
            }
        }

        return new BatchSummary(count, batch.Int(disposed), kinds);
    }

    private void ApplyEdits(Batch batch, Node parent, int start, int count)
    {
        List<(int From, int To)>? permutation = null;
        for (var e = 0; e < count; e++)
        {
            var edit = start + (16 * e);
            var type = batch.Int(edit);
            var sibling = batch.Int(edit + 4);
            var frameOrMove = batch.Int(edit + 8);
            switch (type)
            {
                case 1: // prepend a frame
                    InsertFrame(batch, parent, sibling, frameOrMove);
                    break;
                case 2: // remove a frame
                    parent.Children[sibling].Parent = null;
                    parent.Children.RemoveAt(sibling);
                    Touch(parent);
                    break;
                case 3: // set an attribute
                    ApplyAttribute(batch, parent.Children[sibling], batch.Frame(frameOrMove));
                    break;
                case 4: // remove an attribute
                    var element = parent.Children[sibling];
                    var name = batch.String(batch.Int(edit + 12))!;
                    element.SetAttribute(name, null);
                    if (name.StartsWith("on", StringComparison.Ordinal))
                    {
                        element.SetEvent(name[2..], null);
                    }

                    break;
                case 5: // update a text
                case 8: // update markup
                    var node = parent.Children[sibling];
                    node.Text = batch.String(batch.Int(batch.Frame(frameOrMove) + 4));
                    Touch(node);
                    break;
                case 6: // step in
                    parent = parent.Children[sibling];
                    break;
                case 7: // step out
                    parent = parent.Parent!;
                    break;
                case 9: // a permutation list's entry
                    (permutation ??= []).Add((sibling, frameOrMove));
                    break;
                case 10: // the permutation list's end
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutation!)
                    {
                        parent.Children[to] = before[from];
                    }

                    permutation = null;
                    Touch(parent);
                    break;
                default:
                    throw new InvalidDataException($"Unknown render tree edit type {type}.");
            }
        }
    }

    // Inserts the frame at index as the parent's child number `at`; returns how many children it made.
    private int InsertFrame(Batch batch, Node parent, int at, int index)
    {
        var frame = batch.Frame(index);
        switch (batch.Int(frame))
        {
            case 1: // element
                var element = new Node(NodeKind.Element, string.Intern(batch.String(batch.Int(frame + 8))!.ToLowerInvariant()));
                Insert(parent, at, element);
                var end = index + batch.Int(frame + 4);
                for (var child = index + 1; child < end; child++)
                {
                    var childFrame = batch.Frame(child);
                    if (batch.Int(childFrame) == 3)
                    {
                        ApplyAttribute(batch, element, childFrame);
                    }
                    else
                    {
                        InsertRange(batch, element, 0, child, end);
                        break;
                    }
                }

                return 1;
            case 2: // text
                Insert(parent, at, new Node(NodeKind.Text, text: batch.String(batch.Int(frame + 4))));
                return 1;
            case 3:
                throw new InvalidDataException("An attribute frame outside an element's leading frames.");
            case 4: // component
                var componentId = batch.Int(frame + 8);
                var place = new Node(NodeKind.Component, componentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _components[componentId] = place;
                Insert(parent, at, place);
                return 1;
            case 5: // region
                return InsertRange(batch, parent, at, index + 1, index + batch.Int(frame + 4));
            case 8: // markup
                Insert(parent, at, new Node(NodeKind.Markup, text: batch.String(batch.Int(frame + 4))));
                return 1;
            default: // element and component reference captures, render modes, named events: nothing in the tree
                return 0;
        }
    }

    private int InsertRange(Batch batch, Node parent, int at, int start, int end)
    {
        var first = at;
        for (var index = start; index < end; index++)
        {
            at += InsertFrame(batch, parent, at, index);
            var frame = batch.Frame(index);
            if (batch.Int(frame) is 1 or 4 or 5)
            {
                index += batch.Int(frame + 4) - 1;
            }
        }

        return at - first;
    }

    private static void Insert(Node parent, int at, Node child)
    {
        child.Parent = parent;
        parent.Children.Insert(at, child);
        Touch(parent);
    }

    private static void ApplyAttribute(Batch batch, Node element, int frame)
    {
        var name = string.Intern(batch.String(batch.Int(frame + 4))!);
        var handler = BinaryPrimitives.ReadUInt64LittleEndian(batch.Data.AsSpan(frame + 12));
        if (handler != 0)
        {
            element.SetEvent(name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name, handler);
            return;
        }

        element.SetAttribute(name, batch.String(batch.Int(frame + 8)));
    }

    private static void Touch(Node node)
    {
        for (var n = node; n is not null; n = n.Parent)
        {
            n.Version++;
        }
    }

    // Reads the batch: little-endian ints; frames of 20 bytes after the reference frames' count; strings by index
    // through the table whose offset is the batch's last int (up to the five offsets at the end), each with a
    // 7-bit-encoded length, and each read once (the batch repeats an index for a repeated name or class).
    private readonly struct Batch(byte[] data)
    {
        private readonly int _frames = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 16)) + 4;
        private readonly int _strings = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 4));
        private readonly string?[] _read = new string?[Math.Max(0, (data.Length - 20 - BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - 4))) / 4)];

        public byte[] Data { get; } = data;

        public int Int(int offset) => BinaryPrimitives.ReadInt32LittleEndian(Data.AsSpan(offset));

        public int Frame(int index) => _frames + (20 * index);

        public string? String(int index)
        {
            if (index < 0)
            {
                return null;
            }

            if (index < _read.Length && _read[index] is { } read)
            {
                return read;
            }

            var at = Int(_strings + (4 * index));
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = Data[at++];
                length |= (b & 0x7f) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            var text = Encoding.UTF8.GetString(Data, at, length);
            if (index < _read.Length)
            {
                _read[index] = text;
            }

            return text;
        }
    }
}

/// <summary>What one render batch held: components updated and disposed, and edits by kind (indexed as Blazor numbers them).</summary>
internal readonly record struct BatchSummary(int Updated, int Disposed, int[] EditsByKind)
{
    public override string ToString() =>
        $"{Updated} components updated, {Disposed} disposed; frames prepended {EditsByKind[1]}, removed {EditsByKind[2]}, attributes set {EditsByKind[3]}, texts {EditsByKind[5]}, moves {EditsByKind[9]}";
}
