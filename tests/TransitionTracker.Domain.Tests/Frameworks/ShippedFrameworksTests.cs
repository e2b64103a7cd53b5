using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Tests.Frameworks;

public class ShippedFrameworksTests
{
    public static TheoryData<string> ResourceNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in typeof(ShippedFrameworks).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(ResourceNames))]
    public void Every_embedded_framework_loads_without_problems(string resourceName)
    {
        using var stream = typeof(ShippedFrameworks).Assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);

        var result = FrameworkLoader.Load(reader.ReadToEnd());

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Both_frameworks_ship_with_the_default_first()
    {
        Assert.Equal([ShippedFrameworks.Default, ShippedFrameworks.WorldClassCommissioning], ShippedFrameworks.All.Select(f => f.Id));
        Assert.Equal(2, ResourceNames().Count);
        Assert.Same(ShippedFrameworks.All[0], ShippedFrameworks.DefaultFramework);
    }

    [Fact]
    public void Default_framework_has_the_domains_and_weights_of_the_specification()
    {
        var framework = ShippedFrameworks.DefaultFramework;

        Assert.Equal(("gp-consortium-readiness-2010", 1, FrameworkScale.Status), (framework.Id, framework.Version, framework.Scale));
        Assert.Equal((75.0, 50.0), (framework.FastMoverThreshold, framework.DomainFloor));
        Assert.Equal(
            [
                ("Clinical leadership and member engagement", 2.0, 50.0),
                ("Governance and accountability", 2.0, 60.0),
                ("Financial management", 2.0, 50.0),
                ("Commissioning capability", 1.5, 50.0),
                ("Partnership working", 1.5, 50.0),
                ("Patients and the public", 1.0, 50.0),
                ("Workforce and skills transfer", 1.0, 50.0),
                ("Quality and performance during transition", 1.0, 50.0),
            ],
            framework.Domains.Select(d => (d.Name, d.Weight, d.Floor)));
    }

    [Fact]
    public void Default_framework_has_about_thirty_criteria_each_with_guidance()
    {
        var criteria = ShippedFrameworks.DefaultFramework.Criteria;

        Assert.InRange(criteria.Count, 28, 34);
        Assert.All(criteria, c => Assert.True(c.Guidance.Length > 80, $"{c.Id} needs guidance a PCT manager can act on"));
    }

    [Theory]
    [InlineData("CLE-01", "chose to join")]
    [InlineData("GOV-02", "register")]
    [InlineData("FIN-02", "delegated budget")]
    [InlineData("COM-01", "transitional plan")]
    public void Default_framework_essentials_include_the_specified_ones(string id, string words)
    {
        var criterion = ShippedFrameworks.DefaultFramework.FindCriterion(id)!;

        Assert.True(criterion.Essential);
        Assert.Contains(words, $"{criterion.Text} {criterion.Guidance}", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void World_class_commissioning_has_eleven_competencies_scored_1_to_4()
    {
        var framework = ShippedFrameworks.Find(ShippedFrameworks.WorldClassCommissioning)!;

        Assert.Equal((FrameworkScale.Levels, 1, 4, 1), (framework.Scale, framework.MinLevel, framework.MaxLevel, framework.Version));
        Assert.Equal(11, framework.Domains.Count);
        Assert.All(framework.Domains, d => Assert.InRange(framework.CriteriaOf(d.Id).Count, 1, 3));
        Assert.Contains(framework.Domains, d => d.Name == "Make sound financial investments");
    }

    [Fact]
    public void Shipped_frameworks_round_trip_through_json()
    {
        foreach (var framework in ShippedFrameworks.All)
        {
            var json = FrameworkLoader.ToJson(framework);
            Assert.Equal(json, FrameworkLoader.ToJson(FrameworkLoader.Load(json).Framework!));
        }
    }

    [Fact]
    public void Unknown_shipped_framework_is_not_found()
    {
        Assert.Null(ShippedFrameworks.Find("nope"));
        Assert.Throws<ArgumentException>(() => ShippedFrameworks.ReadJson("nope"));
    }
}
