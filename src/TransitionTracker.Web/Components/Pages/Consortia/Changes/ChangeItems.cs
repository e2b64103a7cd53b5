using System.Globalization;
using TransitionTracker.Application.Changes;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Assessments;

namespace TransitionTracker.Web.Components.Pages.Consortia.Changes;

/// <summary>
/// Turns the audit entries of one save into items people read. The audit keeps one entry per row, so an assessment
/// save is one entry for the assessment and one per answer; here they become one item that says what happened
/// (started, answers saved, submitted with its score and track) with the answers grouped under it.
/// </summary>
public static class ChangeItems
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<ChangeItem> From(IReadOnlyList<RecordedEntry> entries)
    {
        var items = new List<ChangeItem>();
        var assessment = entries.Where(e => e.EntityType is nameof(Assessment) or nameof(AssessmentResponse)).ToList();
        if (assessment.Count > 0)
        {
            items.Add(AssessmentItem(assessment));
        }

        items.AddRange(entries.Except(assessment).Select(e => new ChangeItem(
            $"{ChangeWording.Entity(e.EntityType)} {ChangeWording.Action(e.Action)}", ChangeWording.Fields(e.Changes), [], "")));
        return items;
    }

    private static ChangeItem AssessmentItem(IReadOnlyList<RecordedEntry> entries)
    {
        var answers = new List<ChangedField>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var response in entries.Where(e => e.EntityType == nameof(AssessmentResponse)))
        {
            var action = ChangeWording.Action(response.Action);
            counts[action] = counts.GetValueOrDefault(action) + 1;
            answers.AddRange(Answer(ByName(response.Changes)));
        }

        var summary = string.Join(", ", counts.Select(c => $"{c.Value} answer{(c.Value == 1 ? "" : "s")} {c.Key}"));
        var headline = entries.FirstOrDefault(e => e.EntityType == nameof(Assessment)) is { } saved
            ? Headline(saved.Action, ByName(saved.Changes))
            : "Assessment answers saved";
        return new ChangeItem(headline, [], answers, summary.Length == 0 ? "" : char.ToUpperInvariant(summary[0]) + summary[1..]);
    }

    private static string Headline(string action, IReadOnlyDictionary<string, FieldChange> fields)
    {
        if (action == "Added")
        {
            return "Assessment started";
        }

        if (action == "Deleted")
        {
            return "Draft assessment removed";
        }

        if (fields.TryGetValue(nameof(Assessment.Status), out var status) && status.New == nameof(AssessmentStatus.Submitted))
        {
            var score = fields.TryGetValue(nameof(Assessment.Score), out var s) && double.TryParse(s.New, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? "score " + value.ToString("0.0", EnGb)
                : "no score";
            var track = fields.TryGetValue(nameof(Assessment.Track), out var t) && Enum.TryParse<Track>(t.New, out var parsed)
                ? ", " + TrackWords.Name(parsed).ToLowerInvariant()
                : "";
            return $"Assessment submitted: {score}{track}";
        }

        return "Assessment answers saved";
    }

    /// <summary>One answer's change: its value (a status or a level) and its evidence note, each only when it changed.</summary>
    private static IEnumerable<ChangedField> Answer(IReadOnlyDictionary<string, FieldChange> fields)
    {
        var criterion = fields.TryGetValue(nameof(AssessmentResponse.CriterionId), out var c) ? c.New ?? c.Old ?? "" : "";
        fields.TryGetValue(nameof(AssessmentResponse.Status), out var status);
        fields.TryGetValue(nameof(AssessmentResponse.Level), out var level);
        if (status is not null || level is not null)
        {
            yield return new ChangedField(criterion, AnswerValue(status?.Old, level?.Old), AnswerValue(status?.New, level?.New));
        }

        if (fields.TryGetValue(nameof(AssessmentResponse.Evidence), out var evidence) && evidence.Old != evidence.New)
        {
            yield return new ChangedField(
                $"{criterion} evidence note",
                ChangeWording.Value(evidence.Field, evidence.Old),
                ChangeWording.Value(evidence.Field, evidence.New));
        }
    }

    private static string AnswerValue(string? status, string? level) =>
        status is not null ? ChangeWording.Words(status)
        : level is not null ? $"Level {level}"
        : ChangeWording.Empty;

    private static Dictionary<string, FieldChange> ByName(IReadOnlyList<FieldChange> changes) =>
        changes.ToDictionary(f => f.Field, StringComparer.Ordinal);
}
