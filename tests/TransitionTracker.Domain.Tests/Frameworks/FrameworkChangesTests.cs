using System.Text.Json.Nodes;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Tests.Frameworks;

public sealed class FrameworkChangesTests
{
    private const string Id = "gp-consortium-readiness-2010";

    [Fact]
    public void The_same_framework_has_no_changes()
    {
        var current = ShippedFrameworks.DefaultFramework;

        Assert.Empty(FrameworkChanges.Between(current, Load(Edit(_ => { }))));
    }

    [Fact]
    public void Settings_domains_and_criteria_changed_added_and_removed_are_each_told_in_words()
    {
        var current = ShippedFrameworks.DefaultFramework;
        var candidate = Load(Edit(document =>
        {
            document["fastMoverThreshold"] = 80;
            var domains = document["domains"]!.AsArray();
            domains[0]!["weight"] = 3;
            domains.Add(new JsonObject { ["id"] = "estates", ["name"] = "Estates", ["weight"] = 1 });
            var criteria = document["criteria"]!.AsArray();
            criteria[0]!["essential"] = false;
            criteria[0]!["text"] = "Every member practice chose to join.";
            criteria.RemoveAt(1);
            criteria.Add(new JsonObject { ["id"] = "EST-01", ["domain"] = "estates", ["text"] = "Premises are listed.", ["guidance"] = "A list.", ["essential"] = true });
        }));
        var removed = current.Criteria[1];

        var changes = FrameworkChanges.Between(current, candidate);

        Assert.Equal(
            [
                new FrameworkChange(FrameworkChangeKind.Changed, "Fast mover threshold", "75 → 80"),
                new FrameworkChange(FrameworkChangeKind.Changed, "Domain clinical-leadership", "weight 2 → 3"),
                new FrameworkChange(FrameworkChangeKind.Added, "Domain estates", "“Estates”, weight 1, floor 50"),
                new FrameworkChange(FrameworkChangeKind.Changed, "Criterion CLE-01", $"text “{current.Criteria[0].Text}” → “Every member practice chose to join.”; no longer essential"),
                new FrameworkChange(FrameworkChangeKind.Added, "Criterion EST-01", "in estates, essential: “Premises are listed.”"),
                new FrameworkChange(FrameworkChangeKind.Removed, $"Criterion {removed.Id}", $"“{removed.Text}”"),
            ],
            changes);
    }

    [Fact]
    public void A_domain_removed_with_its_criteria_is_told_once_for_the_domain_and_once_for_each_criterion()
    {
        var current = ShippedFrameworks.DefaultFramework;
        var gone = current.Domains[^1];
        var candidate = Load(Edit(document =>
        {
            document["domains"]!.AsArray().RemoveAt(current.Domains.Count - 1);
            var criteria = document["criteria"]!.AsArray();
            foreach (var criterion in criteria.Where(c => (string?)c!["domain"] == gone.Id).ToList())
            {
                criteria.Remove(criterion);
            }
        }));

        var changes = FrameworkChanges.Between(current, candidate);

        Assert.Contains(new FrameworkChange(FrameworkChangeKind.Removed, $"Domain {gone.Id}", $"“{gone.Name}” and its criteria"), changes);
        Assert.Equal(current.CriteriaOf(gone.Id).Count, changes.Count(c => c.Kind == FrameworkChangeKind.Removed && c.Subject.StartsWith("Criterion ", StringComparison.Ordinal)));
    }

    private static string Edit(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(ShippedFrameworks.ReadJson(Id))!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    private static Framework Load(string json)
    {
        var result = FrameworkLoader.Load(json);
        Assert.True(result.Framework is not null, string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
        return result.Framework;
    }
}
