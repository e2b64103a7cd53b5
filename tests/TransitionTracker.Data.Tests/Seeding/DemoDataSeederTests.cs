using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data.Tests.Seeding;

public sealed class DemoDataSeederTests
{
    [Fact]
    public void Each_2013_ccg_is_a_demo_consortium_with_its_real_member_practices()
    {
        var consortia = DemoDataSeeder.BuildConsortia();
        var practices = ReferenceDataFiles.ReadPractices();

        Assert.Equal(211, consortia.Count);
        Assert.Equal(practices.Count(p => p.CcgCode2013 is not null), consortia.Sum(c => c.Memberships.Count));
        var leedsNorth = practices.Where(p => p.CcgCode2013 == "02V").Select(p => p.Code).Order().ToList();
        Assert.Equal(leedsNorth, consortia.Single(c => c.Code == "02V").Memberships.Select(m => m.PracticeCode).Order().ToList());
    }

    [Fact]
    public void Host_pct_holds_most_of_the_registered_list_and_some_consortia_span_several_pcts()
    {
        var consortia = DemoDataSeeder.BuildConsortia();
        var practices = ReferenceDataFiles.ReadPractices().ToDictionary(p => p.Code);

        foreach (var consortium in consortia)
        {
            var byPct = consortium.Memberships.GroupBy(m => practices[m.PracticeCode].PctCode)
                .ToDictionary(g => g.Key, g => g.Sum(m => (long)practices[m.PracticeCode].ListSize));
            Assert.Equal(byPct.Values.Max(), byPct[consortium.HostPctCode!]);
            Assert.All(byPct.Keys, pct => Assert.Contains(consortium.Pcts, p => p.PctCode == pct));
            Assert.Single(consortium.Pcts, p => p.IsHost);
        }

        // Hartlepool and Stockton-on-Tees succeeded both Hartlepool (5D9) and North Tees (5E1) PCTs.
        var hartlepool = consortia.Single(c => c.Code == "00K");
        Assert.Equal(new[] { "5D9", "5E1" }, hartlepool.Pcts.Select(p => p.PctCode).Order().ToArray());
        Assert.True(consortia.Count(c => c.Pcts.Count > 1) >= 10);
    }

    [Fact]
    public void Demo_data_is_the_same_on_every_build()
    {
        var first = DemoDataSeeder.BuildConsortia();
        var second = DemoDataSeeder.BuildConsortia();

        Assert.Equal(
            first.Select(c => (c.Code, c.Stage, string.Join(',', c.Memberships.Select(m => m.JoinedOn)))),
            second.Select(c => (c.Code, c.Stage, string.Join(',', c.Memberships.Select(m => m.JoinedOn)))));
        Assert.True(first.Select(c => c.Stage).Distinct().Count() >= 3, "stages should vary");
    }
}
