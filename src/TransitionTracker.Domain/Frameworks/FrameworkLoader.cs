using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace TransitionTracker.Domain.Frameworks;

/// <summary>
/// Reads and writes the framework document (docs/scoring.md, "Framework documents"). Loading reports every problem at
/// once, each with its JSON path, because an administrator fixing a framework by hand should not have to resubmit once
/// per mistake.
/// </summary>
public static class FrameworkLoader
{
    /// <summary>Beyond this a framework is no longer a checklist people can answer, and scoring cost grows with it.</summary>
    public const int MaxCriteria = 1000;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Keeps pound signs and dashes readable in stored documents while still escaping HTML-sensitive characters.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static FrameworkLoadResult Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return FrameworkLoadResult.Failed([new FrameworkProblem("$", $"The framework is not valid JSON: {SyntaxError(json, e)}")]);
        }

        using (document)
        {
            return Load(document.RootElement);
        }
    }

    /// <summary>
    /// Where and what the syntax error is, in words: the parser's own text ("Expected depth to be zero…
    /// BytePositionInLine: 20") means nothing to the administrator who edited the file by hand.
    /// </summary>
    private static string SyntaxError(string json, JsonException error)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "the file is empty.";
        }

        var lines = json.Split('\n');
        var lineIndex = (int)Math.Clamp(error.LineNumber ?? 0, 0, lines.Length - 1);
        var line = lines[lineIndex].TrimEnd('\r');
        var bytes = Encoding.UTF8.GetBytes(line);
        var column = Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Clamp(error.BytePositionInLine ?? 0, 0, bytes.Length));
        var atEnd = column >= line.TrimEnd().Length && lines.Skip(lineIndex + 1).All(string.IsNullOrWhiteSpace);
        if (atEnd)
        {
            var lastLine = Array.FindLastIndex(lines, l => !string.IsNullOrWhiteSpace(l)) + 1;
            return Invariant($"the file ends too early, on line {lastLine}: a {{ or [ is not closed, or a value is missing at the end.");
        }

        if (column >= line.Length)
        {
            return Invariant($"line {lineIndex + 1}, at its end: check for a missing or extra comma, colon, quote or bracket.");
        }

        var found = line[column];
        var what = found switch
        {
            '\'' => "single quotes are not allowed; put names and text in double quotes",
            '/' or '#' => "comments are not allowed in JSON",
            _ when char.IsLetter(found) => "text must be in double quotes (and true, false and null in lower case)",
            _ => "check for a missing or extra comma, colon, quote or bracket just before it",
        };
        return Invariant($"line {lineIndex + 1}, character {column + 1} (“{found}”): {what}.");
    }

    /// <param name="element">The framework object.</param>
    /// <param name="path">The JSON path of <paramref name="element"/>, so that a framework sent inside a larger
    /// request (such as <c>$.frameworkDefinition</c>) is reported where the caller sent it.</param>
    public static FrameworkLoadResult Load(JsonElement element, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<FrameworkProblem>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, "A framework must be a JSON object."));
            return FrameworkLoadResult.Failed(problems);
        }

        var id = RequiredString(element, "id", path, problems);
        var version = WholeNumber(element, "version", path, required: true, problems);
        if (version < 1)
        {
            problems.Add(new($"{path}.version", "version must be a whole number of 1 or more."));
        }

        var name = RequiredString(element, "name", path, problems);
        var scale = ReadScale(element, path, problems);
        int? minLevel = null;
        int? maxLevel = null;
        if (scale == FrameworkScale.Levels)
        {
            minLevel = WholeNumber(element, "minLevel", path, required: true, problems);
            maxLevel = WholeNumber(element, "maxLevel", path, required: true, problems);
            if (minLevel >= maxLevel)
            {
                problems.Add(new($"{path}.maxLevel", Invariant($"maxLevel ({maxLevel}) must be greater than minLevel ({minLevel}).")));
            }
        }

        var threshold = Percentage(element, "fastMoverThreshold", path, required: true, problems);
        var domainFloor = Percentage(element, "domainFloor", path, required: true, problems);
        var domains = ReadDomains(element, path, problems);
        var criteria = ReadCriteria(element, path, domains, problems);
        if (domains is not null && criteria is not null)
        {
            RequireCriterionInEveryDomain(domains, criteria, path, problems);
        }

        if (problems.Count > 0)
        {
            return FrameworkLoadResult.Failed(problems);
        }

        // Every value below was checked above; the null-forgiving operators only restate that.
        var builtDomains = domains!
            .Select((d, i) => new FrameworkDomain(i, d.Id!, d.Name!, d.Weight, d.Floor, domainFloor!.Value))
            .ToArray();
        var domainIndex = builtDomains.ToDictionary(d => d.Id, d => d.Index, StringComparer.Ordinal);
        var builtCriteria = criteria!
            .Select((c, i) => new Criterion(i, domainIndex[c.DomainId!], c.Id!, c.DomainId!, c.Text!, c.Guidance, c.Weight, c.Essential))
            .ToArray();
        return FrameworkLoadResult.Loaded(new Framework(
            id!, version!.Value, name!, scale!.Value, minLevel, maxLevel, threshold!.Value, domainFloor!.Value, builtDomains, builtCriteria));
    }

    /// <summary>Writes the framework as the document it was loaded from, so <c>Load(ToJson(f))</c> gives back <c>f</c>.</summary>
    public static string ToJson(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", framework.Id);
            writer.WriteNumber("version", framework.Version);
            writer.WriteString("name", framework.Name);
            writer.WriteString("scale", framework.Scale == FrameworkScale.Levels ? "levels" : "status");
            if (framework.MinLevel is int minLevel && framework.MaxLevel is int maxLevel)
            {
                writer.WriteNumber("minLevel", minLevel);
                writer.WriteNumber("maxLevel", maxLevel);
            }

            writer.WriteNumber("fastMoverThreshold", framework.FastMoverThreshold);
            writer.WriteNumber("domainFloor", framework.DomainFloor);
            writer.WriteStartArray("domains");
            foreach (var domain in framework.Domains)
            {
                writer.WriteStartObject();
                writer.WriteString("id", domain.Id);
                writer.WriteString("name", domain.Name);
                writer.WriteNumber("weight", domain.Weight);
                if (domain.OwnFloor is double floor)
                {
                    writer.WriteNumber("floor", floor);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("criteria");
            foreach (var criterion in framework.Criteria)
            {
                writer.WriteStartObject();
                writer.WriteString("id", criterion.Id);
                writer.WriteString("domain", criterion.DomainId);
                writer.WriteString("text", criterion.Text);
                writer.WriteString("guidance", criterion.Guidance);
                writer.WriteNumber("weight", criterion.Weight);
                writer.WriteBoolean("essential", criterion.Essential);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static FrameworkScale? ReadScale(JsonElement element, string path, List<FrameworkProblem> problems)
    {
        var scale = RequiredString(element, "scale", path, problems);
        switch (scale)
        {
            case null:
                return null;
            case "status":
                return FrameworkScale.Status;
            case "levels":
                return FrameworkScale.Levels;
            default:
                problems.Add(new($"{path}.scale", $"scale must be \"status\" or \"levels\", not \"{scale}\"."));
                return null;
        }
    }

    private static List<DomainDraft>? ReadDomains(JsonElement element, string path, List<FrameworkProblem> problems)
    {
        var items = RequiredArray(element, "domains", path, "domain", problems);
        if (items is null)
        {
            return null;
        }

        var count = items.Value.GetArrayLength();
        if (count > MaxCriteria)
        {
            // Every domain needs a criterion, so this many cannot be valid; checking each would only bury that.
            problems.Add(new($"{path}.domains", Invariant(
                $"A framework may have at most {MaxCriteria:N0} domains, as each needs a criterion; this one has {count:N0}.")));
            return null;
        }

        var drafts = new List<DomainDraft>();
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var position = 0;
        foreach (var item in items.Value.EnumerateArray())
        {
            var at = Invariant($"{path}.domains[{position}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(at, "Each domain must be a JSON object."));
                drafts.Add(new DomainDraft(position, null, null, 1, null));
            }
            else
            {
                var id = RequiredString(item, "id", at, problems);
                if (id is not null && !firstSeen.TryAdd(id, position))
                {
                    problems.Add(new($"{at}.id", Invariant($"Domain id \"{id}\" is already used by {path}.domains[{firstSeen[id]}]; ids must be unique.")));
                }

                var name = RequiredString(item, "name", at, problems);
                var weight = Weight(item, at, problems);
                var floor = Percentage(item, "floor", at, required: false, problems);
                drafts.Add(new DomainDraft(position, id, name, weight, floor));
            }

            position++;
        }

        return drafts;
    }

    private static List<CriterionDraft>? ReadCriteria(
        JsonElement element, string path, List<DomainDraft>? domains, List<FrameworkProblem> problems)
    {
        var items = RequiredArray(element, "criteria", path, "criterion", problems);
        if (items is null)
        {
            return null;
        }

        var count = items.Value.GetArrayLength();
        if (count > MaxCriteria)
        {
            // Checking each of a huge number of criteria would only bury this one problem that matters.
            problems.Add(new($"{path}.criteria", Invariant(
                $"A framework may have at most {MaxCriteria:N0} criteria; this one has {count:N0}. Split it into smaller frameworks.")));
            return null;
        }

        var domainIds = domains?.Where(d => d.Id is not null).Select(d => d.Id!).ToHashSet(StringComparer.Ordinal);
        var drafts = new List<CriterionDraft>(count);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var position = 0;
        foreach (var item in items.Value.EnumerateArray())
        {
            var at = Invariant($"{path}.criteria[{position}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(at, "Each criterion must be a JSON object."));
                drafts.Add(new CriterionDraft(null, null, null, "", 1, false));
            }
            else
            {
                var id = RequiredString(item, "id", at, problems);
                if (id is not null && !firstSeen.TryAdd(id, position))
                {
                    problems.Add(new($"{at}.id", Invariant($"Criterion id \"{id}\" is already used by {path}.criteria[{firstSeen[id]}]; ids must be unique.")));
                }

                var domain = RequiredString(item, "domain", at, problems);
                if (domain is not null && domainIds is not null && !domainIds.Contains(domain))
                {
                    problems.Add(new($"{at}.domain", $"There is no domain \"{domain}\" in this framework; every criterion must name one of its domains."));
                }

                var text = RequiredString(item, "text", at, problems);
                var guidance = OptionalString(item, "guidance", at, problems) ?? "";
                var weight = Weight(item, at, problems);
                var essential = OptionalBoolean(item, "essential", at, problems) ?? false;
                drafts.Add(new CriterionDraft(id, domain, text, guidance, weight, essential));
            }

            position++;
        }

        return drafts;
    }

    private static void RequireCriterionInEveryDomain(
        List<DomainDraft> domains, List<CriterionDraft> criteria, string path, List<FrameworkProblem> problems)
    {
        var named = criteria.Where(c => c.DomainId is not null).Select(c => c.DomainId!).ToHashSet(StringComparer.Ordinal);
        var checkedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var domain in domains)
        {
            if (domain.Id is not null && checkedIds.Add(domain.Id) && !named.Contains(domain.Id))
            {
                problems.Add(new(Invariant($"{path}.domains[{domain.Position}]"),
                    $"Domain \"{domain.Id}\" has no criteria; every domain needs at least one."));
            }
        }
    }

    private static JsonElement? RequiredArray(
        JsonElement element, string name, string path, string itemNoun, List<FrameworkProblem> problems)
    {
        if (!TryGetValue(element, name, out var value))
        {
            problems.Add(new($"{path}.{name}", $"{name} is required."));
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new($"{path}.{name}", $"{name} must be a JSON array."));
            return null;
        }

        if (value.GetArrayLength() == 0)
        {
            problems.Add(new($"{path}.{name}", $"{name} must list at least one {itemNoun}."));
        }

        return value;
    }

    private static string? RequiredString(JsonElement element, string name, string path, List<FrameworkProblem> problems)
    {
        if (!TryGetValue(element, name, out _))
        {
            problems.Add(new($"{path}.{name}", $"{name} is required."));
            return null;
        }

        var value = OptionalString(element, name, path, problems);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new($"{path}.{name}", $"{name} must not be blank."));
            return null;
        }

        return value;
    }

    private static string? OptionalString(JsonElement element, string name, string path, List<FrameworkProblem> problems)
    {
        if (!TryGetValue(element, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new($"{path}.{name}", $"{name} must be a string."));
            return null;
        }

        return value.GetString();
    }

    private static bool? OptionalBoolean(JsonElement element, string name, string path, List<FrameworkProblem> problems)
    {
        if (!TryGetValue(element, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add(new($"{path}.{name}", $"{name} must be true or false."));
            return null;
        }

        return value.GetBoolean();
    }

    private static double? Number(JsonElement element, string name, string path, bool required, List<FrameworkProblem> problems)
    {
        if (!TryGetValue(element, name, out var value))
        {
            if (required)
            {
                problems.Add(new($"{path}.{name}", $"{name} is required."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            problems.Add(new($"{path}.{name}", $"{name} must be a number."));
            return null;
        }

        return number;
    }

    private static int? WholeNumber(JsonElement element, string name, string path, bool required, List<FrameworkProblem> problems)
    {
        var number = Number(element, name, path, required, problems);
        if (number is null)
        {
            return null;
        }

        if (number != Math.Floor(number.Value) || number < int.MinValue || number > int.MaxValue)
        {
            problems.Add(new($"{path}.{name}", $"{name} must be a whole number."));
            return null;
        }

        return (int)number.Value;
    }

    private static double? Percentage(JsonElement element, string name, string path, bool required, List<FrameworkProblem> problems)
    {
        var number = Number(element, name, path, required, problems);
        if (number is < 0 or > 100)
        {
            problems.Add(new($"{path}.{name}", Invariant($"{name} must be between 0 and 100, not {number}.")));
            return null;
        }

        return number;
    }

    private static double Weight(JsonElement element, string path, List<FrameworkProblem> problems)
    {
        var weight = Number(element, "weight", path, required: false, problems);
        if (weight <= 0)
        {
            problems.Add(new($"{path}.weight", Invariant($"weight must be greater than 0, not {weight}.")));
        }

        return weight ?? 1;
    }

    /// <summary>Treats an explicit JSON null like an absent property: both mean "not given".</summary>
    private static bool TryGetValue(JsonElement element, string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record DomainDraft(int Position, string? Id, string? Name, double Weight, double? Floor);

    private sealed record CriterionDraft(string? Id, string? DomainId, string? Text, string Guidance, double Weight, bool Essential);
}
