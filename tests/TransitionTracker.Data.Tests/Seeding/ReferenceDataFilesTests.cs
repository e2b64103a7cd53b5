using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data.Tests.Seeding;

public sealed class ReferenceDataFilesTests
{
    [Fact]
    public void Reference_data_has_the_real_ten_shas_152_pcts_and_8058_practices()
    {
        Assert.Equal(10, ReferenceDataFiles.ReadShas().Count);
        Assert.Equal(152, ReferenceDataFiles.ReadPcts().Count);
        var practices = ReferenceDataFiles.ReadPractices();
        Assert.Equal(8058, practices.Count);
        Assert.InRange(practices.Sum(p => (long)p.ListSize), 55_950_000, 56_050_000);
    }

    [Fact]
    public void Every_practice_has_a_pct_and_the_1306_ambiguous_ones_take_their_first_candidate()
    {
        var practices = ReferenceDataFiles.ReadPractices();
        var pcts = ReferenceDataFiles.ReadPcts().Select(p => p.Code).ToHashSet();

        Assert.All(practices, p => Assert.Contains(p.PctCode, pcts));
        var inferred = practices.Where(p => p.PctSource.EndsWith(ReferenceDataFiles.FirstCandidateNote, StringComparison.Ordinal)).ToList();
        Assert.Equal(1306, inferred.Count);

        // candidate_pcts for A81001 is "5E1(100.0);5D9(100.0)".
        Assert.Equal("5E1", practices.Single(p => p.Code == "A81001").PctCode);
    }
}
