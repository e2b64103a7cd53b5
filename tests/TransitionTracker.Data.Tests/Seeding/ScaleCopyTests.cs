using TransitionTracker.Data.Identity;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Tests.Seeding;

public sealed class ScaleCopyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    public void A_copy_of_the_demo_consortia_keeps_regions_pcts_and_members_under_new_codes_that_fit_the_columns(int copy)
    {
        var demo = DemoDataSeeder.BuildConsortia();
        var copies = DemoDataSeeder.BuildConsortia(copy);
        var demoCodes = demo.Select(c => c.Code).ToHashSet();

        Assert.Equal(demo.Count, copies.Count);
        foreach (var (original, copied) in demo.Zip(copies))
        {
            Assert.Equal(ScaleCopy.ConsortiumCode(original.Code, copy), copied.Code);
            Assert.Equal(copy, ScaleCopy.CopyOf(copied.Code, demoCodes));
            Assert.Equal(copied.Code, OrganisationCode.TryNormalise(copied.Code));
            Assert.Equal(original.RegionCode, copied.RegionCode);
            Assert.Equal(original.Pcts.Select(p => (p.PctCode, p.IsHost)), copied.Pcts.Select(p => (p.PctCode, p.IsHost)));
            Assert.Equal(original.Memberships.Select(m => ScaleCopy.PracticeCode(m.PracticeCode, copy)), copied.Memberships.Select(m => m.PracticeCode));
            Assert.All(copied.Memberships, m => Assert.Equal(m.PracticeCode, OrganisationCode.TryNormalise(m.PracticeCode)));
            Assert.EndsWith(" GP commissioning consortium", copied.Name, StringComparison.Ordinal);
            Assert.Contains($" locality {copy + 1} ", copied.Name, StringComparison.Ordinal);

            // The copy's lead account is named after it, in a column PostgreSQL holds to 100 characters.
            Assert.True($"Lead, {copied.Name}".Length <= TransitionTrackerUser.DisplayNameMaxLength, copied.Name);
        }

        Assert.Equal(copies.Count, copies.Select(c => c.Name).Distinct().Count());
        Assert.Empty(copies.Select(c => c.Code).Intersect(demoCodes));
    }

    [Fact]
    public void Codes_that_are_neither_demo_nor_a_copy_are_told_apart()
    {
        var demoCodes = new HashSet<string> { "00G", "02V" };

        Assert.Equal(0, ScaleCopy.CopyOf("00G", demoCodes));
        Assert.Equal(7, ScaleCopy.CopyOf("02V07", demoCodes));
        Assert.Null(ScaleCopy.CopyOf("02V00", demoCodes));
        Assert.Null(ScaleCopy.CopyOf("99X", demoCodes));
        Assert.Null(ScaleCopy.CopyOf("00GAB", demoCodes));
    }

    [Theory]
    [InlineData(4088, 1)]
    [InlineData(4088, 10)]
    [InlineData(7, 10)]
    [InlineData(0, 3)]
    public void A_practice_list_is_shared_between_its_copies_without_losing_anyone(int list, int scale)
    {
        var shares = Enumerable.Range(0, scale).Select(copy => ScaleCopy.ListShare(list, copy, scale)).ToList();

        Assert.Equal(list, shares.Sum());
        Assert.True(shares.Max() - shares.Min() <= 1);
    }

    [Fact]
    public void Each_copy_draws_its_own_stages_and_joining_dates_the_same_way_every_time()
    {
        var first = DemoDataSeeder.BuildConsortia(3).Select(c => (c.Stage, c.Memberships[0].JoinedOn)).ToList();
        var again = DemoDataSeeder.BuildConsortia(3).Select(c => (c.Stage, c.Memberships[0].JoinedOn)).ToList();
        var other = DemoDataSeeder.BuildConsortia(4).Select(c => (c.Stage, c.Memberships[0].JoinedOn)).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }
}
