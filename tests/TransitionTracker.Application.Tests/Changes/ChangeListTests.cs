using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Changes;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Application.Tests.Changes;

/// <summary>
/// The changes list searched, filtered by kind, ordered and paged in the database. Each test writes the consortium's
/// audit trail itself (entries as the audit interceptor writes them), so what matches is known.
/// </summary>
public sealed class ChangeListTests : IAsyncLifetime
{
    private const string Alice = "alice.walker@example.nhs.uk";
    private const string Bob = "bob.jones@example.nhs.uk";
    private const string Carol = "carol.singh@example.nhs.uk";
    private static readonly DateTime Start = new(2011, 3, 15, 9, 0, 0, DateTimeKind.Utc);

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Without_a_query_every_change_is_listed_newest_first_and_oldest_first_when_asked()
    {
        await WriteTrailAsync();
        var manager = await _host.UserAsync(Demo.PctManager);

        var newest = await ListAsync(manager, new ChangeListQuery());
        var oldest = await ListAsync(manager, new ChangeListQuery(OldestFirst: true));

        Assert.Equal((4, 4, 1), (newest.TotalChanges, newest.MatchingChanges, newest.PageCount));
        Assert.Equal([Bob, Carol, Bob, Alice], newest.Saves.Select(s => s.Actor));
        Assert.Equal([Alice, Bob, Carol, Bob], oldest.Saves.Select(s => s.Actor));
        Assert.Equal(newest.Saves.Select(s => s.AtUtc).Reverse(), oldest.Saves.Select(s => s.AtUtc));
    }

    [Fact]
    public async Task A_kind_keeps_the_changes_with_a_record_of_that_kind_each_with_all_its_entries()
    {
        await WriteTrailAsync();
        var manager = await _host.UserAsync(Demo.PctManager);

        var assessments = await ListAsync(manager, new ChangeListQuery(Kind: ChangeKind.Assessments));
        var register = await ListAsync(manager, new ChangeListQuery(Kind: ChangeKind.Register));
        var plan = await ListAsync(manager, new ChangeListQuery(Kind: ChangeKind.Plan));

        Assert.Equal((4, 1), (assessments.TotalChanges, assessments.MatchingChanges));
        var submission = Assert.Single(assessments.Saves);
        Assert.Equal(["Assessment", "AssessmentResponse"], submission.Entries.Select(e => e.EntityType));
        Assert.Equal("DeclaredInterest", Assert.Single(Assert.Single(register.Saves).Entries).EntityType);
        Assert.Empty(plan.Saves);
        Assert.Equal((0, 1, 1), (plan.MatchingChanges, plan.PageNumber, plan.PageCount));
    }

    [Fact]
    public async Task A_search_finds_part_of_who_made_the_change_in_any_case()
    {
        await WriteTrailAsync();
        var manager = await _host.UserAsync(Demo.PctManager);

        var carol = await ListAsync(manager, new ChangeListQuery(Search: "CAROL.s"));
        var bob = await ListAsync(manager, new ChangeListQuery(Search: "bob.jones"));

        Assert.Equal([Carol], carol.Saves.Select(s => s.Actor));
        Assert.Equal([Bob, Bob], bob.Saves.Select(s => s.Actor));
        Assert.Equal(2, bob.MatchingChanges);
    }

    [Fact]
    public async Task A_search_finds_a_recorded_value_even_with_characters_the_stored_json_escapes_and_the_kind_of_record_by_name()
    {
        await WriteTrailAsync();
        var manager = await _host.UserAsync(Demo.PctManager);

        var value = await ListAsync(manager, new ChangeListQuery(Search: "o'brien"));
        var accented = await ListAsync(manager, new ChangeListQuery(Search: "Café"));
        var named = await ListAsync(manager, new ChangeListQuery(Search: "lessons"));
        var nothing = await ListAsync(manager, new ChangeListQuery(Search: "no such words"));

        Assert.Equal("SupportAction", Assert.Single(Assert.Single(value.Saves).Entries).EntityType);
        Assert.Equal("Lesson", Assert.Single(Assert.Single(accented.Saves).Entries).EntityType);
        Assert.Equal("Lesson", Assert.Single(Assert.Single(named.Saves).Entries).EntityType);
        Assert.Empty(nothing.Saves);
        Assert.Equal((4, 0), (nothing.TotalChanges, nothing.MatchingChanges));
    }

    [Fact]
    public async Task A_search_and_a_kind_together_keep_only_the_changes_matching_both()
    {
        await WriteTrailAsync();
        var manager = await _host.UserAsync(Demo.PctManager);

        var bobsRegister = await ListAsync(manager, new ChangeListQuery(Search: "bob", Kind: ChangeKind.Register));
        var alicesRegister = await ListAsync(manager, new ChangeListQuery(Search: "alice", Kind: ChangeKind.Register));

        Assert.Equal("DeclaredInterest", Assert.Single(Assert.Single(bobsRegister.Saves).Entries).EntityType);
        Assert.Empty(alicesRegister.Saves);
    }

    [Fact]
    public async Task Matching_changes_are_paged_25_at_a_time_and_a_page_beyond_them_is_not_found()
    {
        await ClearTrailAsync();
        await using (var db = _host.OpenContext())
        {
            for (var n = 1; n <= 30; n++)
            {
                db.AuditEntries.Add(Entry(Start.AddMinutes(n), Alice, "SupportAction", "Added", ("Description", $"Action {n}")));
                db.AuditEntries.Add(Entry(Start.AddMinutes(n).AddSeconds(30), Bob, "Lesson", "Added", ("Title", $"Lesson {n}")));
            }

            await db.SaveChangesAsync();
        }

        var manager = await _host.UserAsync(Demo.PctManager);

        var first = await ListAsync(manager, new ChangeListQuery(Kind: ChangeKind.SupportActions));
        var second = await ListAsync(manager, new ChangeListQuery(Kind: ChangeKind.SupportActions, Page: 2));
        var oldestSecond = await ListAsync(manager, new ChangeListQuery(Kind: ChangeKind.SupportActions, OldestFirst: true, Page: 2));
        var beyond = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(manager, Demo.ManagedConsortium, new ChangeListQuery(Kind: ChangeKind.SupportActions, Page: 3), CancellationToken.None));

        Assert.Equal((60, 30, 2), (first.TotalChanges, first.MatchingChanges, first.PageCount));
        Assert.Equal(Enumerable.Range(6, 25).Reverse().Select(n => $"Action {n}"), first.Saves.Select(Description));
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(n => $"Action {n}"), second.Saves.Select(Description));
        Assert.Equal((26, 30), (second.FirstPosition, second.LastPosition));
        Assert.Equal(Enumerable.Range(26, 5).Select(n => $"Action {n}"), oldestSecond.Saves.Select(Description));
        Assert.Null(beyond);

        // An export holds every matching change on one list, in the list's order, whatever page was asked for.
        var all = await _host.RunAsync<ChangeHistory, IReadOnlyList<RecordedSave>?>(h => h.AllAsync(manager, Demo.ManagedConsortium, new ChangeListQuery(Kind: ChangeKind.SupportActions, OldestFirst: true, Page: 2), CancellationToken.None));
        Assert.Equal(Enumerable.Range(1, 30).Select(n => $"Action {n}"), all!.Select(Description));
        var other = await _host.UserAsync(Demo.ConsortiumLead);
        Assert.Null(await _host.RunAsync<ChangeHistory, IReadOnlyList<RecordedSave>?>(h => h.AllAsync(other, Demo.ManagedConsortium, new ChangeListQuery(), CancellationToken.None)));
    }

    [Theory]
    [InlineData(null, null, null, null, null, false)]
    [InlineData("  bob  ", "Register", "OLDEST", "bob", ChangeKind.Register, true)]
    [InlineData("", "track-decisions", "newest", null, ChangeKind.TrackDecisions, false)]
    public void The_query_string_is_read_into_a_query_without_notes(string? q, string? kind, string? order, string? search, ChangeKind? expectedKind, bool oldestFirst)
    {
        var (query, notes) = ChangeListQuery.Parse(q, kind, order);

        Assert.Empty(notes);
        Assert.Equal(new ChangeListQuery(search, expectedKind, oldestFirst), query);
    }

    [Fact]
    public void Values_that_cannot_be_used_are_dropped_each_with_a_note()
    {
        var (query, notes) = ChangeListQuery.Parse(new string('a', ChangeListQuery.LongestSearch + 1), "json", "sideways");

        Assert.Equal(new ChangeListQuery(), query);
        Assert.Equal(3, notes.Count);
        Assert.Contains(notes, n => n.Contains("“json” is not a kind of change", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("“sideways” is not an order (newest or oldest)", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("A search of more than 100 characters", StringComparison.Ordinal));
    }

    private async Task<ChangeHistoryPage> ListAsync(Application.Access.ActingUser user, ChangeListQuery query)
    {
        var page = await _host.RunAsync<ChangeHistory, ChangeHistoryPage?>(h => h.PageAsync(user, Demo.ManagedConsortium, query, CancellationToken.None));
        Assert.NotNull(page);
        return page;
    }

    private static string Description(RecordedSave save) =>
        Assert.Single(save.Entries).Changes.Single(c => c.Field == "Description").New!;

    // Four saves: Alice adds a support action, Bob submits an assessment (two entries), Carol adds a lesson, Bob declares an interest.
    private async Task WriteTrailAsync()
    {
        await ClearTrailAsync();
        await using var db = _host.OpenContext();
        db.AuditEntries.AddRange(
            Entry(Start, Alice, "SupportAction", "Added", ("Description", "Agree the plan with Dr O'Brien")),
            Entry(Start.AddMinutes(5), Bob, "Assessment", "Modified", ("Status", "Submitted")),
            Entry(Start.AddMinutes(5), Bob, "AssessmentResponse", "Modified", ("Evidence", "Board minutes")),
            Entry(Start.AddMinutes(10), Carol, "Lesson", "Added", ("Title", "Meet at the café before the board")),
            Entry(Start.AddMinutes(15), Bob, "DeclaredInterest", "Added", ("Interest", "Director of a pharmacy")));
        await db.SaveChangesAsync();
    }

    private async Task ClearTrailAsync()
    {
        await using var db = _host.OpenContext();
        await db.AuditEntries.Where(a => a.ConsortiumCode == Demo.ManagedConsortium).ExecuteDeleteAsync();
    }

    private static AuditEntry Entry(DateTime at, string actor, string entityType, string action, params (string Field, string New)[] fields) => new()
    {
        AtUtc = at,
        Actor = actor,
        EntityType = entityType,
        EntityKey = "1",
        Action = action,
        ConsortiumCode = Demo.ManagedConsortium,
        Changes = JsonSerializer.Serialize(fields.Select(f => new FieldChange(f.Field, null, f.New)).ToList(), JsonSerializerOptions.Web),
    };
}
