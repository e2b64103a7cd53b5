using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Application.Tests.Assessments;

/// <summary>
/// What changed in an opened past assessment since the previous submitted one of the same consortium and framework:
/// each criterion's answer and evidence, new and gone criteria across framework versions, the score, the track and each
/// domain's score; nothing for the first assessment; the two assessments read in one query; nothing out of scope.
/// </summary>
public sealed class AnswerChangesTests : IAsyncLifetime
{
    private const string Framework = AssessmentWorkflow.DefaultFramework;

    private readonly CommandLog _commands = new();
    private readonly ApplicationHost _host;

    public AnswerChangesTests()
    {
        _host = new ApplicationHost(services: services =>
        {
            services.ConfigureDbContext<SqliteTransitionTrackerDbContext>(o => o.AddInterceptors(_commands));
            services.ConfigureDbContext<PostgresTransitionTrackerDbContext>(o => o.AddInterceptors(_commands));
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_changed_answer_and_a_changed_evidence_note_are_listed_and_unchanged_answers_are_not()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var criteria = ShippedFrameworks.DefaultFramework.Criteria;
        var (changed, same, noted) = (criteria[0], criteria[1], criteria[2]);
        var earlier = await SubmitAsync(manager,
            new AnswerInput(changed.Id, "in_progress", "Two of five practices signed"),
            new AnswerInput(same.Id, "met", "Minutes of the board"),
            new AnswerInput(noted.Id, "met", "An old note"));
        var later = await SubmitAsync(manager,
            new AnswerInput(changed.Id, "met", "Two of five practices signed"),
            new AnswerInput(noted.Id, "met", "A new note"));

        _commands.Clear();
        var answers = await ReadAsync(manager, later.Id);

        var changes = answers?.Changes;
        Assert.NotNull(changes);
        Assert.Equal(1, _commands.Reading("\"Assessments\""));
        await using var db = _host.OpenContext();
        var earlierAt = await db.Assessments.Where(a => a.Id == earlier.Id).Select(a => a.SubmittedAtUtc).SingleAsync();
        Assert.Equal((earlier.Id, earlierAt, earlier.FrameworkVersion), (changes.PreviousId, changes.PreviousSubmittedAtUtc, changes.PreviousFrameworkVersion));
        Assert.Equal((earlier.Score, later.Score, earlier.Track, later.Track), (changes.ScoreBefore, changes.ScoreAfter, changes.TrackBefore, changes.TrackAfter));
        Assert.Equal(criteria.Select(c => c.Id).Order(StringComparer.Ordinal), changes.Criteria.Select(c => c.CriterionId).Order(StringComparer.Ordinal));
        Assert.Equal([changed.Id, noted.Id], changes.Changed.Select(c => c.CriterionId));

        var answer = changes.Criteria.Single(c => c.CriterionId == changed.Id);
        Assert.Equal((changed.Text, "In progress", "Met", true, false), (answer.CriterionText, answer.Before, answer.After, answer.AnswerChanged, answer.EvidenceChanged));
        var evidence = changes.Criteria.Single(c => c.CriterionId == noted.Id);
        Assert.Equal(("Met", "Met", false, true), (evidence.Before, evidence.After, evidence.AnswerChanged, evidence.EvidenceChanged));
        var unchanged = changes.Criteria.Single(c => c.CriterionId == same.Id);
        Assert.Equal(("Met", "Met", false), (unchanged.Before, unchanged.After, unchanged.Changed));
        Assert.DoesNotContain(changes.Criteria, c => c.IsNew || c.IsGone);

        // Each domain's score before and after, as stored at each submission.
        var stored = await db.DomainScores.Where(d => d.AssessmentId == earlier.Id || d.AssessmentId == later.Id).ToListAsync();
        Assert.Equal(ShippedFrameworks.DefaultFramework.Domains.Select(d => d.Id), changes.Domains.Select(d => d.Id));
        Assert.All(changes.Domains, d =>
        {
            Assert.Equal(stored.Single(s => s.AssessmentId == earlier.Id && s.DomainId == d.Id).Score, d.Before);
            Assert.Equal(stored.Single(s => s.AssessmentId == later.Id && s.DomainId == d.Id).Score, d.After);
        });
        Assert.Contains(changes.Domains, d => d.Id == changed.DomainId && d.Changed);

        // Opening the earlier one compares it with the one before it, never with a later one.
        Assert.NotEqual(later.Id, (await ReadAsync(manager, earlier.Id))?.Changes?.PreviousId);
    }

    [Fact]
    public async Task Criteria_of_a_new_framework_version_are_new_and_those_it_dropped_are_gone()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var admin = await _host.UserAsync(Demo.Administrator);
        var v1 = ShippedFrameworks.DefaultFramework;
        var dropped = v1.Criteria[^1];
        var kept = v1.Criteria[0];
        var earlier = await SubmitAsync(manager, new AnswerInput(dropped.Id, "met", "Done"), new AnswerInput(kept.Id, "met", null));
        var published = await _host.RunAsync<FrameworkLibrary, EditOutcome<Framework>>(l => l.PublishAsync(admin, WithNewCriterion(dropped.Id), CancellationToken.None));
        Assert.True(published.IsSaved);

        var later = await SubmitAsync(manager, new AnswerInput("GOV-99", "in_progress", null));
        var changes = (await ReadAsync(manager, later.Id))?.Changes;

        Assert.NotNull(changes);
        Assert.Equal((v1.Version, published.Value!.Version), (changes.PreviousFrameworkVersion, later.FrameworkVersion));
        var added = changes.Criteria.Single(c => c.CriterionId == "GOV-99");
        Assert.Equal((true, false, null, "In progress", "Governance and accountability"), (added.IsNew, added.IsGone, added.Before, added.After, added.DomainName));
        var gone = changes.Criteria.Single(c => c.CriterionId == dropped.Id);
        Assert.Equal((false, true, "Met", null, false), (gone.IsNew, gone.IsGone, gone.Before, gone.After, gone.EvidenceChanged));
        Assert.Equal(gone, changes.Criteria[^1]);
        Assert.False(changes.Criteria.Single(c => c.CriterionId == kept.Id).Changed);
        Assert.Equal(["GOV-99", dropped.Id], changes.Changed.Select(c => c.CriterionId));
    }

    [Fact]
    public async Task The_first_submitted_assessment_has_no_earlier_one_and_the_second_compares_with_the_first()
    {
        var national = await _host.UserAsync(Demo.National);
        await using var db = _host.OpenContext();
        var ids = await db.Assessments
            .Where(a => a.ConsortiumCode == Demo.ManagedConsortium && a.FrameworkId == Framework && a.Status == AssessmentStatus.Submitted)
            .OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id).Select(a => a.Id).Take(2).ToListAsync();

        var first = await ReadAsync(national, ids[0]);
        var second = await ReadAsync(national, ids[1]);

        Assert.NotNull(first);
        Assert.Null(first.Changes);
        Assert.Equal(ids[0], second?.Changes?.PreviousId);
    }

    [Fact]
    public async Task A_reader_out_of_scope_gets_nothing_not_even_the_changes()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        await SubmitAsync(manager, new AnswerInput(ShippedFrameworks.DefaultFramework.Criteria[0].Id, "met", null));
        var later = await SubmitAsync(manager, new AnswerInput(ShippedFrameworks.DefaultFramework.Criteria[0].Id, "in_progress", null));

        _commands.Clear();
        Assert.Null(await ReadAsync(lead, later.Id));
        Assert.Null(await ReadAsync(null, later.Id));
        Assert.Equal(0, _commands.Reading("\"Assessments\""));
        Assert.NotNull((await ReadAsync(manager, later.Id))?.Changes);
    }

    // Starts a draft from the last submission, saves the answers and submits it.
    private async Task<Assessment> SubmitAsync(ActingUser manager, params AnswerInput[] answers)
    {
        var draft = (await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        var saved = await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.SaveAnswersAsync(
            manager, Demo.ManagedConsortium, Framework, draft.Revision, answers, CancellationToken.None));
        Assert.True(saved.IsSaved, string.Join("; ", saved.Problems.Select(p => p.Message)));
        var submitted = await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.SubmitAsync(manager, Demo.ManagedConsortium, Framework, saved.Revision, CancellationToken.None));
        return submitted.Value!;
    }

    private Task<SubmittedAnswers?> ReadAsync(ActingUser? user, int id) =>
        _host.RunAsync<AssessmentWorkflow, SubmittedAnswers?>(w => w.SubmittedAnswersAsync(user, Demo.ManagedConsortium, id, CancellationToken.None));

    // The shipped framework without one criterion and with a new governance criterion GOV-99.
    private static string WithNewCriterion(string without)
    {
        var document = JsonNode.Parse(ShippedFrameworks.ReadJson(ShippedFrameworks.Default))!.AsObject();
        var criteria = document["criteria"]!.AsArray();
        criteria.Remove(criteria.Single(c => c!["id"]!.GetValue<string>() == without));
        criteria.Add(new JsonObject
        {
            ["id"] = "GOV-99",
            ["domain"] = "governance",
            ["text"] = "The consortium publishes its register of interests.",
            ["guidance"] = "Show where the register is published and when it was last updated.",
            ["essential"] = false,
        });
        return document.ToJsonString();
    }

    /// <summary>The text of each command the database runs for this test's host.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public void Clear() => _texts.Clear();

        /// <summary>How many commands read from <paramref name="table"/> (quoted as in the SQL).</summary>
        public int Reading(string table) => _texts.Count(t => t.Contains("FROM " + table, StringComparison.Ordinal));

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            _texts.Enqueue(command.CommandText);
            return result;
        }
    }
}
