using System.Globalization;
using System.Text.Json;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Scoring;

/// <summary>
/// Checks a whole set of responses against a framework (docs/scoring.md, "Framework documents" and "Answering") and
/// names every problem, so the person or script that sent them can fix everything in one go.
/// </summary>
public static class ResponseSetValidator
{
    public const string DefaultPath = "$.responses";

    private const string StatusList = "not_started, in_progress, met or not_applicable";

    /// <param name="path">The JSON path of the responses array, used to name where each problem is.</param>
    public static ResponseValidationResult Validate(
        Framework framework, IReadOnlyList<RawResponse> responses, string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(path);
        var set = new ResponseSet(framework, responses.Count);
        for (var i = 0; i < responses.Count; i++)
        {
            set.Add(responses[i], Invariant($"{path}[{i}]"));
        }

        return set.ToResult();
    }

    /// <summary>Reads and validates a JSON array of <c>{"criterion": …, "status": …}</c> or <c>{"criterion": …, "level": …}</c>.</summary>
    /// <remarks>Other properties of each response (an evidence note, say) are the caller's and are left alone.</remarks>
    public static ResponseValidationResult ParseResponses(JsonElement array, Framework framework, string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(path);
        if (array.ValueKind != JsonValueKind.Array)
        {
            return new ResponseValidationResult([], [new ResponseProblem(path, "responses must be a JSON array.")]);
        }

        var set = new ResponseSet(framework, array.GetArrayLength());
        var position = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = Invariant($"{path}[{position}]");
            if (item.ValueKind == JsonValueKind.Object)
            {
                set.Add(ReadRaw(item), at);
            }
            else
            {
                set.Problem(at, "Each response must be a JSON object with a criterion and a status or level.");
            }

            position++;
        }

        return set.ToResult();
    }

    /// <summary>
    /// Keeps a wrongly typed value as its JSON text, so a number sent as a status is reported as an invalid
    /// status rather than as a missing one.
    /// </summary>
    private static RawResponse ReadRaw(JsonElement item)
    {
        var criterion = Text(item, "criterion");
        var status = Text(item, "status");
        if (!item.TryGetProperty("level", out var level) || level.ValueKind == JsonValueKind.Null)
        {
            return new RawResponse(criterion, status, null);
        }

        return level.ValueKind == JsonValueKind.Number
               && level.TryGetDouble(out var number)
               && number == Math.Floor(number)
               && number is >= int.MinValue and <= int.MaxValue
            ? new RawResponse(criterion, status, (int)number)
            : new RawResponse(criterion, status, null, LevelWasNotWhole: true);
    }

    private static string? Text(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The responses seen so far, which a later response may duplicate.</summary>
    private sealed class ResponseSet(Framework framework, int capacity)
    {
        private readonly List<CriterionResponse> accepted = new(capacity);
        private readonly List<ResponseProblem> problems = [];
        private readonly Dictionary<string, string> firstAnsweredAt = new(StringComparer.Ordinal);

        public void Problem(string path, string message) => problems.Add(new ResponseProblem(path, message));

        public void Add(RawResponse raw, string at)
        {
            var problemsBefore = problems.Count;
            var criterion = CheckCriterion(raw.Criterion, at);
            CheckStatusOrLevel(raw, at);
            var status = CheckStatus(raw.Status, criterion, at);
            var level = CheckLevel(raw, at);
            if (problems.Count == problemsBefore && criterion is not null)
            {
                accepted.Add(new CriterionResponse(criterion.Id, status, level));
            }
        }

        public ResponseValidationResult ToResult() => new(accepted, problems);

        private Criterion? CheckCriterion(string? id, string at)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Problem($"{at}.criterion", "criterion is required: give the id of the criterion this response answers.");
                return null;
            }

            var criterion = framework.FindCriterion(id);
            if (criterion is null)
            {
                Problem($"{at}.criterion", Invariant($"There is no criterion \"{id}\" in framework {framework.Id} version {framework.Version}."));
                return null;
            }

            if (!firstAnsweredAt.TryAdd(criterion.Id, at))
            {
                Problem($"{at}.criterion", $"Criterion {id} is answered more than once (first at {firstAnsweredAt[criterion.Id]}); give one response per criterion.");
            }

            return criterion;
        }

        private void CheckStatusOrLevel(RawResponse raw, string at)
        {
            var hasStatus = raw.Status is not null;
            if (hasStatus && raw.HasLevel)
            {
                Problem(at, "Give either a status or a level, not both.");
            }
            else if (!hasStatus && !raw.HasLevel)
            {
                Problem(at, framework.Scale == FrameworkScale.Levels
                    ? Invariant($"Give a level from {framework.MinLevel} to {framework.MaxLevel}, or the status not_applicable.")
                    : $"Give a status: {StatusList}.");
            }
        }

        private ResponseStatus? CheckStatus(string? text, Criterion? criterion, string at)
        {
            if (text is null)
            {
                return null;
            }

            if (!WireNames.TryParseResponseStatus(text, out var status))
            {
                Problem($"{at}.status", $"\"{text}\" is not a status; use {StatusList}.");
                return null;
            }

            if (framework.Scale == FrameworkScale.Levels && status != ResponseStatus.NotApplicable)
            {
                Problem($"{at}.status", Invariant(
                    $"This framework is answered in levels: only not_applicable is allowed as a status; give a level from {framework.MinLevel} to {framework.MaxLevel} instead."));
            }

            if (status == ResponseStatus.NotApplicable && criterion is { Essential: true })
            {
                Problem($"{at}.status", $"Criterion {criterion.Id} is essential, so it cannot be marked not_applicable.");
            }

            return status;
        }

        private int? CheckLevel(RawResponse raw, string at)
        {
            if (!raw.HasLevel)
            {
                return null;
            }

            if (framework.Scale == FrameworkScale.Status)
            {
                Problem($"{at}.level", $"This framework is answered with a status, not a level; give a status: {StatusList}.");
                return null;
            }

            if (raw.LevelWasNotWhole || raw.Level < framework.MinLevel || raw.Level > framework.MaxLevel)
            {
                var given = raw.Level is int level ? Invariant($" (not {level})") : "";
                Problem($"{at}.level", Invariant($"level must be a whole number from {framework.MinLevel} to {framework.MaxLevel}{given}."));
                return null;
            }

            return raw.Level;
        }
    }
}
