using TransitionTracker.Application.Organisations;

namespace TransitionTracker.Application.Tests.Organisations;

/// <summary>A PCT's practice table reads its state from the query string, searches, sorts and pages on the server.</summary>
public sealed class PracticeTableQueryTests
{
    private static readonly PracticeListing[] Practices =
    [
        .. Enumerable.Range(1, 60).Select(i => new PracticeListing($"A{i:00000}", $"Practice {i:00}", 1_000 + i, i % 2 == 0 ? "00G" : null, PctInferred: false)),
        new("B86001", "Burnside Surgery", 8_250, "00H", PctInferred: true),
    ];

    [Fact]
    public void The_first_page_holds_25_practices_by_name_and_the_totals_cover_every_practice()
    {
        var page = new PracticeTableQuery().Apply(Practices);

        Assert.Equal(25, page.Rows.Count);
        Assert.Equal("Burnside Surgery", page.Rows[0].Name);
        Assert.Equal("Practice 24", page.Rows[^1].Name);
        Assert.Equal((1, 3, 61, 61), (page.Page, page.PageCount, page.Matching, page.PracticeCount));
        Assert.Equal(Practices.Sum(p => (long)p.ListSize), page.TotalListSize);
    }

    [Fact]
    public void Sorting_by_list_size_descending_puts_the_largest_first()
    {
        var page = new PracticeTableQuery(Sort: "list-size", Descending: true).Apply(Practices);

        Assert.Equal(["B86001", "A00060", "A00059"], page.Rows.Take(3).Select(p => p.Code));
    }

    [Fact]
    public void Searching_matches_name_code_or_consortium_ignoring_case_and_keeps_the_pct_totals()
    {
        var byName = new PracticeTableQuery(Search: "burnside").Apply(Practices);
        var byConsortium = new PracticeTableQuery(Search: "00h").Apply(Practices);
        var byCode = new PracticeTableQuery(Search: "a0005").Apply(Practices);

        Assert.Equal(["B86001"], byName.Rows.Select(p => p.Code));
        Assert.Equal(["B86001"], byConsortium.Rows.Select(p => p.Code));
        Assert.Equal(10, byCode.Matching);
        Assert.Equal((1, 61), (byName.PageCount, byName.PracticeCount));
    }

    [Fact]
    public void A_page_past_the_last_shows_the_last()
    {
        var page = new PracticeTableQuery(Page: 9).Apply(Practices);

        Assert.Equal(3, page.Page);
        Assert.Equal(11, page.Rows.Count);
    }

    [Fact]
    public void Query_string_values_that_cannot_be_used_are_dropped_with_a_note_each()
    {
        var (query, notes) = PracticeTableQuery.Parse(new string('x', 101), "colour", "up", "0");

        Assert.Equal(new PracticeTableQuery(), query);
        Assert.Equal(4, notes.Count);
        Assert.Contains(notes, n => n.Contains("“colour” is not a column", StringComparison.Ordinal));
    }

    [Fact]
    public void Query_string_values_are_read_ignoring_case_and_spaces()
    {
        var (query, notes) = PracticeTableQuery.Parse(" Burnside ", "List-Size", "DESC", "2");

        Assert.Empty(notes);
        Assert.Equal(new PracticeTableQuery("Burnside", "list-size", true, 2), query);
    }
}
