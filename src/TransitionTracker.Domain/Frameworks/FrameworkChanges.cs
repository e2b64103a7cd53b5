using System.Globalization;

namespace TransitionTracker.Domain.Frameworks;

/// <summary>What a change to a framework does: a setting, a domain or a criterion added, removed or changed.</summary>
public enum FrameworkChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One difference between two versions of a framework, in words: <paramref name="Subject"/> names what changed (a
/// setting, "Domain governance", "Criterion GOV-01") and <paramref name="Description"/> says how ("weight 2 → 3").
/// </summary>
public sealed record FrameworkChange(FrameworkChangeKind Kind, string Subject, string Description);

/// <summary>
/// The differences between the published version of a framework and a candidate, as an administrator checks them
/// before publishing (docs/scoring.md, "Framework documents"): settings first, then domains, then criteria, each in
/// the candidate's order with removals after.
/// </summary>
public static class FrameworkChanges
{
    public static IReadOnlyList<FrameworkChange> Between(Framework current, Framework candidate)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(candidate);
        var changes = new List<FrameworkChange>();
        Setting(changes, "Name", current.Name, candidate.Name);
        Setting(changes, "Scale", Scale(current), Scale(candidate));
        Setting(changes, "Fast mover threshold", Number(current.FastMoverThreshold), Number(candidate.FastMoverThreshold));
        Setting(changes, "Default domain floor", Number(current.DomainFloor), Number(candidate.DomainFloor));

        foreach (var domain in candidate.Domains)
        {
            var subject = $"Domain {domain.Id}";
            if (current.FindDomain(domain.Id) is not { } before)
            {
                changes.Add(new(FrameworkChangeKind.Added, subject, $"“{domain.Name}”, weight {Number(domain.Weight)}, floor {Number(domain.Floor)}"));
                continue;
            }

            var differences = new List<string>();
            Differ(differences, "name", before.Name, domain.Name, quoted: true);
            Differ(differences, "weight", Number(before.Weight), Number(domain.Weight));
            Differ(differences, "floor", Number(before.Floor), Number(domain.Floor));
            if (differences.Count > 0)
            {
                changes.Add(new(FrameworkChangeKind.Changed, subject, string.Join("; ", differences)));
            }
        }

        changes.AddRange(current.Domains.Where(d => candidate.FindDomain(d.Id) is null)
            .Select(d => new FrameworkChange(FrameworkChangeKind.Removed, $"Domain {d.Id}", $"“{d.Name}” and its criteria")));

        foreach (var criterion in candidate.Criteria)
        {
            var subject = $"Criterion {criterion.Id}";
            if (current.FindCriterion(criterion.Id) is not { } before)
            {
                changes.Add(new(FrameworkChangeKind.Added, subject, $"in {criterion.DomainId}{(criterion.Essential ? ", essential" : "")}: “{criterion.Text}”"));
                continue;
            }

            var differences = new List<string>();
            Differ(differences, "domain", before.DomainId, criterion.DomainId);
            Differ(differences, "text", before.Text, criterion.Text, quoted: true);
            Differ(differences, "guidance", before.Guidance, criterion.Guidance, quoted: true);
            Differ(differences, "weight", Number(before.Weight), Number(criterion.Weight));
            if (before.Essential != criterion.Essential)
            {
                differences.Add(criterion.Essential ? "now essential" : "no longer essential");
            }

            if (differences.Count > 0)
            {
                changes.Add(new(FrameworkChangeKind.Changed, subject, string.Join("; ", differences)));
            }
        }

        changes.AddRange(current.Criteria.Where(c => candidate.FindCriterion(c.Id) is null)
            .Select(c => new FrameworkChange(FrameworkChangeKind.Removed, $"Criterion {c.Id}", $"“{c.Text}”")));
        return changes;
    }

    private static void Setting(List<FrameworkChange> changes, string name, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new(FrameworkChangeKind.Changed, name, $"{before} → {after}"));
        }
    }

    private static void Differ(List<string> differences, string name, string before, string after, bool quoted = false)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            differences.Add(quoted ? $"{name} “{before}” → “{after}”" : $"{name} {before} → {after}");
        }
    }

    private static string Scale(Framework framework) =>
        framework.Scale == FrameworkScale.Levels ? $"levels {framework.MinLevel} to {framework.MaxLevel}" : "status";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
