using System.Text.Json.Nodes;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Tests.Scoring;

/// <summary>
/// Builds small frameworks for tests through the real loader, so every framework a test scores has passed the
/// same validation a published one would.
/// </summary>
internal sealed class FrameworkBuilder
{
    private readonly JsonArray domains = [];
    private readonly JsonArray criteria = [];
    private string scale = "status";
    private int? minLevel;
    private int? maxLevel;
    private double threshold = 75;
    private double domainFloor = 50;

    public FrameworkBuilder Threshold(double value)
    {
        threshold = value;
        return this;
    }

    public FrameworkBuilder DomainFloor(double value)
    {
        domainFloor = value;
        return this;
    }

    public FrameworkBuilder Levels(int min, int max)
    {
        scale = "levels";
        minLevel = min;
        maxLevel = max;
        return this;
    }

    public FrameworkBuilder Domain(string id, double weight = 1, double? floor = null)
    {
        var domain = new JsonObject { ["id"] = id, ["name"] = $"Domain {id}", ["weight"] = weight };
        if (floor is double f)
        {
            domain["floor"] = f;
        }

        domains.Add(domain);
        return this;
    }

    public FrameworkBuilder Criterion(string id, string domain, double weight = 1, bool essential = false)
    {
        criteria.Add(new JsonObject
        {
            ["id"] = id,
            ["domain"] = domain,
            ["text"] = $"Criterion {id}",
            ["guidance"] = $"Guidance for {id}",
            ["weight"] = weight,
            ["essential"] = essential,
        });
        return this;
    }

    public JsonObject ToJsonObject()
    {
        var document = new JsonObject
        {
            ["id"] = "test-framework",
            ["version"] = 1,
            ["name"] = "Test framework",
            ["scale"] = scale,
            ["fastMoverThreshold"] = threshold,
            ["domainFloor"] = domainFloor,
            ["domains"] = domains.DeepClone(),
            ["criteria"] = criteria.DeepClone(),
        };
        if (minLevel is int min && maxLevel is int max)
        {
            document["minLevel"] = min;
            document["maxLevel"] = max;
        }

        return document;
    }

    public Framework Build()
    {
        var result = FrameworkLoader.Load(ToJsonObject().ToJsonString());
        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
        return result.Framework;
    }
}
