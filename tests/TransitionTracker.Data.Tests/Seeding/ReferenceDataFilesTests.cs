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
    public void Every_practice_has_a_pct_and_the_1306_ambiguous_ones_take_a_candidate_with_the_largest_share()
    {
        var practices = ReferenceDataFiles.ReadPractices();
        var pcts = ReferenceDataFiles.ReadPcts().Select(p => p.Code).ToHashSet();

        Assert.All(practices, p => Assert.Contains(p.PctCode, pcts));
        var inferred = practices.Where(p => p.PctSource.EndsWith(ReferenceDataFiles.ChosenCandidateNote, StringComparison.Ordinal)).ToList();
        Assert.Equal(1306, inferred.Count);

        // CCG 01H's candidates are "5NE(100.0);5NV(1.21)": 5NE holds the largest share.
        Assert.All(practices.Where(p => p.CcgCode2013 == "01H" && inferred.Contains(p)), p => Assert.Equal("5NE", p.PctCode));
    }

    [Theory]
    [InlineData("00K", "5D9", "5E1")]
    [InlineData("00M", "5KM", "5QR")]
    [InlineData("06H", "5PN", "5PP")]
    [InlineData("11J", "5QM", "5QN")]
    public void Practices_of_a_ccg_whose_predecessor_pcts_tie_are_split_between_those_pcts(string ccg, string first, string second)
    {
        var byPct = ReferenceDataFiles.ReadPractices().Where(p => p.CcgCode2013 == ccg).GroupBy(p => p.PctCode).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal([first, second], byPct.Keys.Order(StringComparer.Ordinal));
        var smaller = Math.Min(byPct[first].Count, byPct[second].Count);
        Assert.True(smaller * 3 >= byPct[first].Count + byPct[second].Count, $"{first} has {byPct[first].Count} practices and {second} {byPct[second].Count}.");
        Assert.All(byPct.Values, practices => Assert.True(practices.Sum(p => p.ListSize) > 50_000));
    }

    [Fact]
    public void A_practice_whose_candidates_tie_gets_the_same_pct_whatever_order_they_are_listed_in()
    {
        const string header = "code,name,pct_code,sha_code,list_size,ccg_code_2013,list_size_period,pct_source,candidate_pcts,ods_open_date,ods_close_date";
        string[] codes = ["A81001", "A81002", "A81003", "A81004", "A81005", "A81006"];
        IReadOnlyList<PracticeRow> Read(string candidates) => ReferenceDataFiles.ReadPractices(new StringReader(string.Join('\n',
            [header, .. codes.Select(c => $"{c},PRACTICE {c},,Q30,1000,00K,2013-04/2013-06,ambiguous,\"{candidates}\",1974-04-01,")])));

        var oneWay = Read("5E1(100.0);5D9(100.0);5ZZ(2.5)");
        var otherWay = Read("5ZZ(2.5);5D9(100.0);5E1(100.0)");

        Assert.Equal(oneWay.Select(p => p.PctCode), otherWay.Select(p => p.PctCode));
        Assert.Equal(["5D9", "5E1"], oneWay.Select(p => p.PctCode).Distinct().Order(StringComparer.Ordinal));
        Assert.All(oneWay, p => Assert.EndsWith(ReferenceDataFiles.ChosenCandidateNote, p.PctSource, StringComparison.Ordinal));
    }
}
