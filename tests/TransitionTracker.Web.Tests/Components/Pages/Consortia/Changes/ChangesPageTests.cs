using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Web.Tests.Infrastructure;
using TransitionTracker.Web.Tests.Components.Pages.Consortia.Actions;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Changes;

/// <summary>A consortium's audit trail as people read it; each test has its own database.</summary>
public sealed class ChangesPageTests : IDisposable
{
    private const string Changes = "/consortia/00G/changes";
    private const string Framework = AssessmentWorkflow.DefaultFramework;
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");
    private static readonly string Lead = DemoAccountSeeder.ConsortiumLead("00G");

    private readonly ClockedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Each_change_shows_when_who_what_and_every_field_from_old_to_new_value_newest_first()
    {
        var id = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Agree the transitional plan with the PCT");
        _factory.Clock.Advance(TimeSpan.FromMinutes(45));
        var changed = await ActionForms.ChangeAsync(_factory, Manager, "00G", id, form =>
        {
            form.Owner = "Consortium accountable officer";
            form.Status = "InProgress";
        });
        Assert.True(changed.IsSaved);
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (response, page) = await HtmlPage.GetAsync(lead, Changes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(page);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["15 Mar 2011, 10:15 (UK time)", Manager, "Support action changed"], Entry(rows[0]));
        Assert.Equal("3 fields: Criterion, Owner, Status", rows[0].QuerySelector(".app-change-fields summary")!.Text().Trim());
        Assert.Equal(
            ["Criterion: GOV-02", "Owner: PCT development lead → Consortium accountable officer", "Status: Not started → In progress"],
            Fields(rows[0]).Order(StringComparer.Ordinal));
        Assert.Equal(["15 Mar 2011, 09:30 (UK time)", Manager, "Support action added"], Entry(rows[1]));
        var added = Fields(rows[1]);
        Assert.Contains("Description: (empty) → Agree the transitional plan with the PCT", added);
        Assert.Contains("Due date: (empty) → 31 March 2011", added);
        Assert.Contains("Status: (empty) → Not started", added);
        Assert.Contains($"Created by: (empty) → {Manager}", added);
        Assert.DoesNotContain(added.Concat(Fields(rows[0])), f => f.StartsWith("Revision", StringComparison.Ordinal) || f.StartsWith("Consortium", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changes_are_paged_25_at_a_time_newest_first_with_nothing_from_other_consortia()
    {
        await AddDirectlyAsync("00G", 30);
        await AddDirectlyAsync("00H", 3);
        var manager = _factory.CreateClientFor(Manager);

        var (_, first) = await HtmlPage.GetAsync(manager, Changes);
        var (_, second) = await HtmlPage.GetAsync(manager, Changes + "?page=2");

        Assert.Equal(Enumerable.Range(6, 25).Reverse().Select(n => $"00G action {n}"), Rows(first).Select(DescriptionOf));
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(n => $"00G action {n}"), Rows(second).Select(DescriptionOf));
        Assert.Equal("Showing 1 to 25 of 30, page 1 of 2.", first.QuerySelector(".app-grid-summary")!.Text().Trim());
        Assert.Equal("Showing 26 to 30 of 30, page 2 of 2.", second.QuerySelector(".app-grid-summary")!.Text().Trim());
        Assert.StartsWith("Changes (page 2 of 2)", second.Title, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("nav[aria-label='Pages of changes'] button[aria-label='Page 2']"));
        Assert.Null(first.QuerySelector("nav[aria-label='Pages of changes'] button[aria-label='Page 3']"));
        Assert.True(second.QuerySelector("nav[aria-label='Pages of changes'] button[aria-label='Next page']")!.HasAttribute("disabled"));
        Assert.DoesNotContain("00H action", first.Body!.Text() + second.Body!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Changes + "?page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Changes + "?page=two")).StatusCode);
    }

    [Fact]
    public async Task The_query_string_filters_by_kind_searches_and_orders_the_list_and_the_controls_show_it()
    {
        await AddDirectlyAsync("00G", 3);
        await AddLessonAsync("Meet the practices before the board", Lead);
        var manager = _factory.CreateClientFor(Manager);

        var (_, lessons) = await HtmlPage.GetAsync(manager, Changes + "?kind=lessons");
        var (_, byLead) = await HtmlPage.GetAsync(manager, Changes + "?q=" + Uri.EscapeDataString("LEAD.00g"));
        var (_, byValue) = await HtmlPage.GetAsync(manager, Changes + "?q=action+2&kind=support-actions");
        var (_, oldest) = await HtmlPage.GetAsync(manager, Changes + "?order=oldest");
        var (_, nothing) = await HtmlPage.GetAsync(manager, Changes + "?q=no+such+change");

        Assert.Equal([["Lesson added"]], Rows(lessons).Select(r => Entry(r)[2..]));
        Assert.Equal("1 of 4 changes matches.", lessons.QuerySelector(".app-grid-summary")!.Text().Trim());
        Assert.Equal("Lessons", lessons.QuerySelector("#kind-filter option[selected]")!.Text());
        Assert.Equal("Oldest first", oldest.QuerySelector("#order-filter option[selected]")!.Text());
        Assert.Equal([Lead], Rows(byLead).Select(r => Entry(r)[1]));
        Assert.Equal("LEAD.00g", byLead.QuerySelector("#change-search")!.GetAttribute("value"));
        Assert.Equal(["00G action 2"], Rows(byValue).Select(DescriptionOf));
        Assert.Equal(["00G action 1", "00G action 2", "00G action 3"], Rows(oldest).Take(3).Select(DescriptionOf));
        Assert.Equal("Lesson added", Entry(Rows(oldest)[3])[2]);
        Assert.Empty(Rows(nothing));
        Assert.Contains("No change matches this search.", nothing.QuerySelector(".app-change-grid")!.Text());
        Assert.Equal("0 of 4 changes match.", nothing.QuerySelector(".app-grid-summary")!.Text().Trim());
    }

    [Fact]
    public async Task Values_it_cannot_use_are_noted_and_the_whole_list_shown_and_a_page_beyond_the_matches_is_not_found()
    {
        await AddDirectlyAsync("00G", 2);
        var manager = _factory.CreateClientFor(Manager);

        var (response, page) = await HtmlPage.GetAsync(manager, Changes + "?kind=json&order=sideways");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notes = page.QuerySelectorAll(".app-query-note").Select(n => n.Text()).ToList();
        Assert.Contains(notes, n => n.Contains("“json” is not a kind of change", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("“sideways” is not an order", StringComparison.Ordinal));
        Assert.Equal(2, Rows(page).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Changes + "?kind=lessons&page=2")).StatusCode);
    }

    [Fact]
    public async Task A_submission_is_one_entry_with_its_score_and_track_and_its_answers_are_grouped_and_folded()
    {
        var manager = _factory.CreateClientFor(Manager);
        await StartDraftAsync();
        _factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var (value, words) = await DraftAnswerAsync("GOV-01") == ResponseStatus.InProgress ? ("met", "Met") : ("in_progress", "In progress");
        await SaveDraftAnswerAsync(new AnswerInput("GOV-01", value, "Board minutes, October 2010"));
        _factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await SubmitDraftAsync();
        var (score, track, answers) = await SubmittedAsync();

        var (_, page) = await HtmlPage.GetAsync(manager, Changes);

        var rows = Rows(page);
        Assert.Equal(3, rows.Count);
        Assert.Equal(
            ["15 Mar 2011, 09:45 (UK time)", Manager, string.Create(CultureInfo.InvariantCulture, $"Assessment submitted: score {score:0.0}, {track}")],
            Entry(rows[0]));
        Assert.Empty(rows[0].QuerySelectorAll("details"));
        Assert.Equal(["15 Mar 2011, 09:40 (UK time)", Manager, "Assessment answers saved"], Entry(rows[1]));
        Assert.Equal("1 answer changed", rows[1].QuerySelector("details.app-change-answers summary")!.Text().Trim());
        Assert.Contains(Answers(rows[1]), a => a.StartsWith("GOV-01: ", StringComparison.Ordinal) && a.EndsWith($" → {words}", StringComparison.Ordinal));
        Assert.Contains(Answers(rows[1]), a => a.StartsWith("GOV-01 evidence note: ", StringComparison.Ordinal) && a.EndsWith(" → Board minutes, October 2010", StringComparison.Ordinal));
        Assert.Equal(["15 Mar 2011, 09:30 (UK time)", Manager, "Assessment started"], Entry(rows[2]));
        Assert.Equal($"{answers} answers added", rows[2].QuerySelector("details.app-change-answers summary")!.Text().Trim());
        Assert.Equal(answers, rows[2].QuerySelectorAll("details.app-change-answers li").Count(li => !li.Text().Contains("evidence note", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_page_never_shows_stored_json_or_the_temporary_ids_of_unsaved_rows()
    {
        var manager = _factory.CreateClientFor(Manager);
        await StartDraftAsync();
        _factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await SubmitDraftAsync();

        var (_, page) = await HtmlPage.GetAsync(manager, Changes);

        var text = page.QuerySelector("main")!.Text();
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("json", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(?<![A-Za-z0-9])-\d", text);
    }

    [Fact]
    public async Task The_audit_of_added_answers_holds_the_real_id_of_their_new_assessment()
    {
        var manager = _factory.CreateClientFor(Manager);

        await StartDraftAsync();

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var draft = await db.Assessments.SingleAsync(a => a.ConsortiumCode == "00G" && a.Status == AssessmentStatus.Draft);
        var added = await db.AuditEntries.Where(a => a.ConsortiumCode == "00G" && a.EntityType == nameof(AssessmentResponse)).ToListAsync();
        Assert.NotEmpty(added);
        Assert.All(added, a => Assert.Contains(
            new FieldChange("AssessmentId", null, draft.Id.ToString(CultureInfo.InvariantCulture)),
            JsonSerializer.Deserialize<List<FieldChange>>(a.Changes, JsonSerializerOptions.Web)!));
        Assert.DoesNotContain(added, a => a.EntityKey.StartsWith('-'));
    }

    [Fact]
    public async Task A_consortium_without_changes_says_so()
    {
        var manager = _factory.CreateClientFor(Manager);

        var (response, page) = await HtmlPage.GetAsync(manager, Changes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No changes recorded yet.", page.QuerySelector("main")!.Text());
        Assert.Empty(Rows(page));
    }

    // Arranges many changes quickly: one save (so one audit entry) per action, a minute apart, as a signed-in user would make them.
    private async Task AddDirectlyAsync(string consortiumCode, int count)
    {
        for (var n = 1; n <= count; n++)
        {
            using var scope = _factory.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = Manager;
            var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
            db.SupportActions.Add(new SupportAction(consortiumCode, "GOV-02", $"{consortiumCode} action {n}", "Owner", new DateOnly(2011, 4, 1), Manager, _factory.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private async Task AddLessonAsync(string title, string writtenBy)
    {
        using var scope = _factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = writtenBy;
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        db.Lessons.Add(new Lesson("00G", "governance", title, "What we learned.", writtenBy, _factory.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private async Task StartDraftAsync() =>
        Assert.True((await RunAsync((w, user) => w.StartDraftAsync(user, "00G", Framework, CancellationToken.None))).IsSaved);

    private async Task SaveDraftAnswerAsync(AnswerInput answer)
    {
        var revision = (await RunAsync((w, user) => w.FindDraftAsync(user, "00G", Framework, CancellationToken.None)))!.Revision;
        Assert.True((await RunAsync((w, user) => w.SaveAnswersAsync(user, "00G", Framework, revision, [answer], CancellationToken.None))).IsSaved);
    }

    private async Task SubmitDraftAsync()
    {
        var revision = (await RunAsync((w, user) => w.FindDraftAsync(user, "00G", Framework, CancellationToken.None)))!.Revision;
        Assert.True((await RunAsync((w, user) => w.SubmitAsync(user, "00G", Framework, revision, CancellationToken.None))).IsSaved);
    }

    private async Task<T> RunAsync<T>(Func<AssessmentWorkflow, ActingUser, Task<T>> step)
    {
        var user = await DemoUsers.ActingAsync(_factory, Manager);
        await using var scope = _factory.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<AssessmentWorkflow>(), user);
    }

    private async Task<ResponseStatus?> DraftAnswerAsync(string criterionId)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.AssessmentResponses
            .Where(r => r.CriterionId == criterionId && db.Assessments.Any(a => a.Id == r.AssessmentId && a.ConsortiumCode == "00G" && a.Status == AssessmentStatus.Draft))
            .Select(r => r.Status).SingleOrDefaultAsync();
    }

    // The stored score and track of the submission, and how many answers it carried over from the last one.
    private async Task<(double Score, string Track, int Answers)> SubmittedAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var submitted = await db.Assessments.Include(a => a.Responses).Where(a => a.ConsortiumCode == "00G" && a.Status == AssessmentStatus.Submitted)
            .OrderByDescending(a => a.Id).FirstAsync();
        return (submitted.Score!.Value, submitted.Track == Track.FastMover ? "fast mover" : "needs support", submitted.Responses.Count);
    }

    private static IReadOnlyList<string> Answers(IElement row) => row.QuerySelectorAll("details.app-change-answers li").Select(li => li.Text()).ToList();

    // One row per save: its data cells, as MudDataGrid renders them.
    internal static IReadOnlyList<IElement> Rows(IDocument page) => page.QuerySelectorAll(".app-change-grid tbody tr.app-change-row").ToList();

    // When, who, and the line saying what each thing the save did.
    internal static string[] Entry(IElement row)
    {
        var cells = row.QuerySelectorAll("td").ToList();
        return [cells[0].Text().Trim(), cells[1].Text().Trim(), .. row.QuerySelectorAll(".app-change-summary").Select(s => s.Text().Trim())];
    }

    private static IReadOnlyList<string> Fields(IElement row) => row.QuerySelectorAll("details.app-change-fields li").Select(li => li.Text()).ToList();

    private static string DescriptionOf(IElement row) =>
        Fields(row).Single(f => f.StartsWith("Description: ", StringComparison.Ordinal))["Description: (empty) → ".Length..];
}
