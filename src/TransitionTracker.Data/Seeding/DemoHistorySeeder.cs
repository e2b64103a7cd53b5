using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Derived;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Quality;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Data.Seeding;

/// <summary>
/// Demo history for every demo consortium, deterministic from a fixed seed: a readiness assessment submitted each
/// month from October 2010 to March 2013, improving at the consortium's own pace; World Class Commissioning
/// assessments in March 2011 and March 2012; a transition plan, a conflicts-of-interest register, support actions
/// for what still blocks the slow movers, lessons from consortia that did well in a domain, and every PCT's monthly
/// quality and finance indicators.
/// </summary>
public sealed class DemoHistorySeeder(TransitionTrackerDbContext db, TimeProvider clock, ILogger<DemoHistorySeeder> logger)
{
    public const int RandomSeed = 2011;
    public static readonly DateOnly FirstRound = new(2010, 10, 15);
    public const int Rounds = 30;

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    // Assessments built since the last batch was written: they go in bulk, not through EF.
    private readonly List<Assessment> _assessments = [];

    private static readonly (string Name, ReceivingBody Body)[] Functions =
    [
        ("Acute and community contracting", ReceivingBody.CommissioningSupport),
        ("Continuing healthcare assessments", ReceivingBody.Consortium),
        ("Public health and health improvement", ReceivingBody.LocalAuthority),
        ("Primary care contracts (GP, dental, pharmacy)", ReceivingBody.NhsCommissioningBoard),
        ("Community health services provision", ReceivingBody.SocialEnterprise),
        ("Individual funding requests", ReceivingBody.Consortium),
        ("Business intelligence and information", ReceivingBody.CommissioningSupport),
        ("Safeguarding adults and children", ReceivingBody.Consortium),
    ];

    private static readonly string[] People = ["Dr A. Patel", "Dr S. Hughes", "Dr M. O'Brien", "Dr K. Okafor", "Dr J. Clarke", "Dr R. Singh", "Dr E. Walsh", "Dr T. Nguyen"];

    private static readonly Dictionary<string, (string Title, string Body)> LessonTemplates = new()
    {
        ["clinical-leadership"] = ("Practice visits before the vote", "We visited every practice before asking them to join, and minuted each practice's decision. It took eight weeks but no practice has since asked to leave."),
        ["governance"] = ("A register people actually update", "Our conflicts register is a standing item at every board meeting; members confirm their entries in the meeting, and declarations are published on the website the same week."),
        ["financial-management"] = ("Shadow budget reports from month one", "We ran the shadow budget through the PCT's ledger from the start, with monthly variance reports to the board, so the delegated budget held no surprises."),
        ["commissioning"] = ("Start from the functions", "We listed every function the PCT delivers and agreed who receives each before drawing any structure chart; the transitional plan followed from that list."),
        ["partnership"] = ("Public health at the table early", "The director of public health joined our board as an adviser a year before the move to the council, which made the handover of health improvement contracts straightforward."),
        ["patients-public"] = ("A patient reference group per locality", "Each locality's patient group sends a member to the board; papers are written so they can be read without a glossary."),
        ["workforce"] = ("Keep the people who know the contracts", "We agreed early which PCT contracting staff would move with each function, so their knowledge of local providers was not lost."),
        ["quality-performance"] = ("Winter plans shared across consortia", "We wrote the winter plan with the neighbouring consortium and the acute trust, and tracked the 18-week position weekly through the transition."),
    };

    /// <summary>Adds the demo history when there is none; true when it did.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Assessments.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Demo history present");
            return false;
        }

        var consortia = await db.Consortia.AsNoTracking().Include(c => c.Pcts).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var random = new Random(RandomSeed);
        var started = clock.GetTimestamp();

        await using var transaction = await SeedingTransaction.BeginOrJoinAsync(db, cancellationToken);
        await AddHistoryAsync(
            consortia,
            random,
            (done, total) => logger.LogInformation("Seeding demo history: {Done} of {Total} consortia", done, total),
            cancellationToken);
        await AddQualityIndicatorsAsync(random, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Seeding demo history: {Count} consortia in {Seconds:0.0} s", consortia.Count, clock.GetElapsedTime(started).TotalSeconds);
        return true;
    }

    /// <summary>
    /// Adds the demo history of the given consortia (which have none yet), drawing from <paramref name="random"/>:
    /// every assessment round, plan, support action and lesson, but not the PCTs' quality indicators. The seeder
    /// calls it for the demo consortia; the <c>generate</c> command for each synthetic copy of them, with the
    /// copy's own seed. Runs in the transaction already open.
    /// </summary>
    /// <param name="progress">Told after each batch of consortia: how many are done, of how many.</param>
    public async Task AddHistoryAsync(IReadOnlyList<Consortium> consortia, Random random, Action<int, int> progress, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Demo history is added inside a transaction.");
        }

        var readiness = ShippedFrameworks.DefaultFramework;
        var wcc = ShippedFrameworks.Find(ShippedFrameworks.WorldClassCommissioning)!;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.AuditingEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var latestScores = new List<(string Consortium, IReadOnlyList<DomainResult> Domains)>();
            var nextId = (await db.Assessments.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
            await using var assessments = new BulkInsert(db, "Assessments", "Id", "ConsortiumCode", "FrameworkId", "FrameworkVersion", "Status", "Revision", "CreatedBy", "CreatedAtUtc", "UpdatedBy", "UpdatedAtUtc", "SubmittedBy", "SubmittedAtUtc", "Score", "Track", "ResultJson");
            await using var responses = new BulkInsert(db, "AssessmentResponses", "AssessmentId", "CriterionId", "Status", "Level", "Evidence", "AnsweredBy", "AnsweredAtUtc");
            await using var domainScores = new BulkInsert(db, "DomainScores", "AssessmentId", "DomainId", "Score", "BelowFloor");
            foreach (var (consortium, index) in consortia.Select((c, i) => (c, i)))
            {
                var by = $"pct.{consortium.HostPctCode!.ToLowerInvariant()}@demo.test";
                var last = AddReadinessHistory(consortium, readiness, random, by);
                AddCompetencyAssessments(consortium, wcc, random, by);
                AddPlan(consortium, random);
                AddSupportActions(consortium, readiness, last, random, by, today);
                latestScores.Add((consortium.Code, last.Domains));

                if (index % 25 == 24 || index == consortia.Count - 1)
                {
                    nextId = await SaveBatchAsync(nextId, assessments, responses, domainScores, cancellationToken);
                    progress(index + 1, consortia.Count);
                }
            }

            await responses.FlushAsync(cancellationToken);
            await domainScores.FlushAsync(cancellationToken);
            AddLessons(latestScores, random);
            await db.SaveChangesAsync(cancellationToken);

            // The assessments went in bulk, past the save that keeps the derived records.
            await DerivedRecords.RebuildAsync(db, consortia.Select(c => c.Code).ToList(), cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // The ids were given explicitly, so the identity sequence has to be moved past them.
                await db.Database.ExecuteSqlRawAsync(
                    "SELECT setval(pg_get_serial_sequence('\"Assessments\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Assessments\"))",
                    cancellationToken);
            }
        }
        finally
        {
            _assessments.Clear();
            db.AuditingEnabled = true;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
    }

    // Assessments, their answers and domain scores (41 rows an assessment) go in bulk, with ids given here after the
    // highest present: tracking them in EF cost more than everything else. The rest of the batch goes through EF.
    // Returns the next free id.
    private async Task<int> SaveBatchAsync(int nextId, BulkInsert assessments, BulkInsert responses, BulkInsert domainScores, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var first = nextId;
        foreach (var a in _assessments)
        {
            await assessments.AddAsync(
                cancellationToken,
                nextId++, a.ConsortiumCode, a.FrameworkId, a.FrameworkVersion, a.Status.ToString(), a.Revision, a.CreatedBy, a.CreatedAtUtc,
                a.UpdatedBy, a.UpdatedAtUtc, a.SubmittedBy, a.SubmittedAtUtc, a.Score, a.Track?.ToString(), a.ResultJson);
        }

        // Answers refer to their assessment, so the assessments are written first.
        await assessments.FlushAsync(cancellationToken);
        var id = first;
        foreach (var a in _assessments)
        {
            foreach (var r in a.Responses)
            {
                await responses.AddAsync(cancellationToken, id, r.CriterionId, r.Status?.ToString(), r.Level, r.Evidence, r.AnsweredBy, r.AnsweredAtUtc);
            }

            foreach (var d in a.DomainScores)
            {
                await domainScores.AddAsync(cancellationToken, id, d.DomainId, d.Score, d.BelowFloor);
            }

            id++;
        }

        _assessments.Clear();
        return nextId;
    }

    private ReadinessResult AddReadinessHistory(Consortium consortium, Framework framework, Random random, string by)
    {
        // Months until the consortium is broadly ready: some are ready within a year, some not by March 2013.
        var pace = 8 + (random.NextDouble() * 34);
        var difficulty = framework.Criteria.ToDictionary(c => c.Id, c => (random.NextDouble() * 0.4) - 0.2 + (c.Essential ? 0.08 : 0));
        var progress = framework.Criteria.ToDictionary(c => c.Id, _ => 0.0);
        ReadinessResult? result = null;
        for (var round = 0; round < Rounds; round++)
        {
            var at = FirstRound.AddMonths(round).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            var assessment = new Assessment(consortium.Code, framework.Id, framework.Version, by, at);
            foreach (var criterion in framework.Criteria)
            {
                // Improving: progress never goes back.
                var target = ((round + 1) / pace) - difficulty[criterion.Id] + ((random.NextDouble() - 0.5) * 0.1);
                progress[criterion.Id] = Math.Max(progress[criterion.Id], target);
                assessment.Answer(criterion.Id, StatusFor(progress[criterion.Id]), null, null, by, at);
            }

            result = ReadinessScorer.Score(framework, assessment.CriterionResponses());
            assessment.Submit(result, JsonSerializer.Serialize(ReadinessReport.From(framework, result), Json), by, at);
            _assessments.Add(assessment);
        }

        return result!;
    }

    private void AddCompetencyAssessments(Consortium consortium, Framework framework, Random random, string by)
    {
        var baseline = random.NextDouble() * 0.5;
        var growth = random.NextDouble() * 0.35;
        foreach (var (year, step) in new[] { (2011, 0), (2012, 1) })
        {
            var at = new DateTime(year, 3, 20, 10, 0, 0, DateTimeKind.Utc);
            var assessment = new Assessment(consortium.Code, framework.Id, framework.Version, by, at);
            foreach (var criterion in framework.Criteria)
            {
                var position = Math.Clamp(baseline + (growth * step) + ((random.NextDouble() - 0.5) * 0.3), 0, 0.999);
                var level = framework.MinLevel!.Value + (int)(position * (framework.MaxLevel!.Value - framework.MinLevel.Value + 1));
                assessment.Answer(criterion.Id, null, level, null, by, at);
            }

            var result = ReadinessScorer.Score(framework, assessment.CriterionResponses());
            assessment.Submit(result, JsonSerializer.Serialize(ReadinessReport.From(framework, result), Json), by, at);
            _assessments.Add(assessment);
        }
    }

    private void AddPlan(Consortium consortium, Random random)
    {
        var reached = (int)consortium.Stage;
        var kinds = Enum.GetValues<MilestoneKind>();
        var planned = new DateOnly(2010, 10, 1).AddDays(random.Next(0, 120));
        foreach (var kind in kinds)
        {
            var achieved = (int)kind <= reached ? planned.AddDays(random.Next(-20, 60)) : (DateOnly?)null;
            db.Milestones.Add(new Milestone(consortium.Code, kind, planned, achieved));
            planned = planned.AddDays(150 + random.Next(0, 250));
        }

        foreach (var (name, body) in Functions.OrderBy(_ => random.Next()).Take(4 + random.Next(0, 3)))
        {
            var status = (FunctionStatus)random.Next(0, 3);
            db.PlannedFunctions.Add(new PlannedFunction(consortium.Code, name, body, status, new DateOnly(2012, 4, 1).AddDays(random.Next(0, 365))));
        }

        foreach (var (name, body) in Functions.Where(f => f.Body != ReceivingBody.Consortium).OrderBy(_ => random.Next()).Take(2))
        {
            db.StaffTransfers.Add(new StaffTransfer(consortium.Code, name, 2 + random.Next(0, 25), body));
        }

        for (var i = 0; i < 1 + random.Next(0, 3); i++)
        {
            var person = People[random.Next(People.Length)];
            db.DeclaredInterests.Add(new DeclaredInterest(
                consortium.Code,
                person,
                random.Next(2) == 0 ? "Partner in a practice that provides minor surgery under a local enhanced service" : "Shareholder in a local out-of-hours provider",
                new DateOnly(2010, 11, 1).AddDays(random.Next(0, 700)),
                "Declares the interest at each meeting and takes no part in decisions on those services"));
        }
    }

    private void AddSupportActions(Consortium consortium, Framework framework, ReadinessResult last, Random random, string by, DateOnly today)
    {
        if (last.Track == Track.FastMover)
        {
            return;
        }

        var criteria = last.Blockers.Where(b => b.Criterion is not null).Select(b => b.Criterion!)
            .Concat(last.NextSteps.Select(n => n.Criterion))
            .Distinct()
            .Take(1 + random.Next(0, 3));
        foreach (var criterionId in criteria)
        {
            var criterion = framework.FindCriterion(criterionId)!;
            var action = new SupportAction(
                consortium.Code,
                criterionId,
                $"Development support to meet {criterionId}: {criterion.Text}",
                "PCT organisational development lead",
                today.AddDays(random.Next(-45, 120)),
                by,
                FirstRound.AddMonths(Rounds - 1).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc));
            if (random.Next(3) == 0)
            {
                action.Update(action.CriterionId, action.Description, action.Owner, action.DueOn, SupportActionStatus.InProgress);
            }

            db.SupportActions.Add(action);
        }
    }

    private void AddLessons(List<(string Consortium, IReadOnlyList<DomainResult> Domains)> latest, Random random)
    {
        var at = FirstRound.AddMonths(Rounds - 1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        foreach (var (consortium, domains) in latest)
        {
            foreach (var domain in domains.Where(d => d.Score >= 80))
            {
                if (random.NextDouble() < 0.2 && LessonTemplates.TryGetValue(domain.Id, out var lesson))
                {
                    db.Lessons.Add(new Lesson(consortium, domain.Id, lesson.Title, lesson.Body, $"lead.{consortium.ToLowerInvariant()}@demo.test", at));
                }
            }
        }
    }

    // Every PCT reports monthly: QIPP delivery around plan, emergency admissions drifting up in winter, RTT near the standards.
    private async Task AddQualityIndicatorsAsync(Random random, CancellationToken cancellationToken)
    {
        var pcts = await db.Pcts.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(cancellationToken);
        foreach (var pct in pcts)
        {
            var planned = 200 + random.Next(0, 1800);
            var delivery = 0.75 + (random.NextDouble() * 0.3);
            var rtt = 88 + (random.NextDouble() * 8);
            for (var round = 0; round < Rounds; round++)
            {
                var month = new DateOnly(FirstRound.Year, FirstRound.Month, 1).AddMonths(round);
                var winter = month.Month is 11 or 12 or 1 or 2;
                var delivered = planned * Math.Clamp(delivery + ((random.NextDouble() - 0.5) * 0.15), 0.4, 1.2);
                db.QualityIndicators.Add(new QualityIndicator(
                    pct,
                    month,
                    planned,
                    Math.Round((decimal)delivered, 1),
                    Math.Round((decimal)(((random.NextDouble() - 0.45) * 6) + (winter ? 2 : 0)), 1),
                    month.Month >= 9 || month.Month <= 3 ? (WinterPlanStatus)Math.Min(3, 1 + random.Next(0, 3)) : WinterPlanStatus.NotStarted,
                    Math.Round((decimal)Math.Clamp(rtt + ((random.NextDouble() - 0.5) * 4) - (winter ? 1.5 : 0), 70, 100), 1),
                    Math.Round((decimal)Math.Clamp(rtt + 4 + ((random.NextDouble() - 0.5) * 3), 70, 100), 1),
                    $"pct.{pct.ToLowerInvariant()}@demo.test",
                    month.AddMonths(1).AddDays(9).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)));
            }
        }

        db.AuditingEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.AuditingEnabled = true;
            db.ChangeTracker.Clear();
        }
    }

    private static ResponseStatus StatusFor(double progress) => progress switch
    {
        < 0.35 => ResponseStatus.NotStarted,
        < 0.8 => ResponseStatus.InProgress,
        _ => ResponseStatus.Met,
    };
}
