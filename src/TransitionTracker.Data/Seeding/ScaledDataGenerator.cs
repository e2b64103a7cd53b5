using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Seeding;

/// <summary>What a database holds after <see cref="ScaledDataGenerator.GenerateAsync"/>.</summary>
public sealed record GeneratedCounts(int Scale, int Consortia, int Practices, int Assessments, long Answers, int Accounts);

/// <summary>Generation was refused: the database holds data it cannot be scaled from. Nothing was changed.</summary>
public sealed class GenerationRefusedException(string message) : Exception(message);

/// <summary>
/// The <c>generate</c> command's work: the demo data at scale N. Scale 1 is the demo data exactly as start-up
/// seeding writes it (<see cref="DatabaseInitializer"/>). Each further step of scale adds one synthetic copy of the
/// demo consortia and of every practice (<see cref="DemoDataSeeder.BuildConsortia(int)"/>, <see cref="ScaleCopy"/>)
/// with the same history per consortium (<see cref="DemoHistorySeeder.AddHistoryAsync"/>) and a lead account for each
/// copied consortium; practices' list sizes are shared out so populations stay the real ones.
/// Everything after the migrations is one transaction: a run that is stopped part-way leaves no generated data.
/// A database that already holds the demo data, or a smaller scale of it, is topped up to scale N; one with a larger
/// scale, or with consortia that are not demo data, is refused and left as it was.
/// </summary>
public sealed class ScaledDataGenerator(
    TransitionTrackerDbContext db,
    DatabaseInitializer initializer,
    DemoHistorySeeder history,
    DemoAccountSeeder accounts,
    TimeProvider clock)
{
    /// <summary>The SQLite page cache while generating: 256 MiB, so the indexes being built stay in memory.</summary>
    public const int SqliteCacheKibibytes = 256 * 1024;

    public async Task<GeneratedCounts> GenerateAsync(int scale, string demoPassword, TextWriter output, CancellationToken cancellationToken)
    {
        if (scale is < 1 or > ScaleCopy.MaxScale)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The scale is a whole number from 1 to {ScaleCopy.MaxScale}.");
        }

        var started = clock.GetTimestamp();
        void Report(string line) => output.WriteLine($"[{clock.GetElapsedTime(started).TotalSeconds,6:0.0} s] {line}");

        await initializer.MigrateAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.GetDbConnection() is SqliteConnection)
            {
                await ExecuteAsync($"PRAGMA cache_size = -{SqliteCacheKibibytes}; PRAGMA temp_store = MEMORY;", cancellationToken);
            }

            var presentScale = await PresentScaleAsync(scale, cancellationToken);
            if (presentScale == scale)
            {
                Report($"The database already holds scale {scale}; nothing was added.");
                return await CountAsync(scale, cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (presentScale == 0)
            {
                Report("Scale 1: reference data, frameworks, demo consortia, accounts and history");
                await initializer.SeedAsync(demoPassword, cancellationToken);
                Report($"Scale 1 done: {await db.Consortia.CountAsync(cancellationToken)} consortia");
            }

            var firstNewCopy = Math.Max(presentScale, 1);
            if (scale > 1)
            {
                Report($"Sharing practice lists {scale} ways for the {firstNewCopy} cop{(firstNewCopy == 1 ? "y" : "ies")} present");
                await ShareListsAsync(firstNewCopy, scale, cancellationToken);
            }

            var practices = ReferenceDataFiles.ReadPractices();
            for (var copy = firstNewCopy; copy < scale; copy++)
            {
                var step = $"Copy {copy} of {scale - 1}";
                var consortia = DemoDataSeeder.BuildConsortia(copy);
                await AddOrganisationsAsync(practices, consortia, copy, scale, cancellationToken);
                Report($"{step}: {practices.Count} practices and {consortia.Count} consortia added");
                await history.AddHistoryAsync(
                    consortia,
                    new Random(ScaleCopy.Seed(DemoHistorySeeder.RandomSeed, copy)),
                    (done, total) => Report($"{step}: history of {done} of {total} consortia"),
                    cancellationToken);
            }

            if (scale > 1)
            {
                await accounts.SeedAsync(demoPassword, cancellationToken);
                Report("Lead accounts added for the copied consortia");
            }

            if (scale > 1)
            {
                // The lists shared above changed the populations of the consortia already there.
                await Derived.DerivedRecords.RefreshAllPopulationsAsync(db, cancellationToken);
            }

            Report("Committing");
            await Versioning.DataVersion.RestampAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Report("Committed");
            await initializer.RefreshStatisticsAsync(cancellationToken);
            Report("Statistics updated");
            var counts = await CountAsync(scale, cancellationToken);
            return counts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // 0 for a database with no consortia, N for the demo data with copies 1 to N - 1.
    private async Task<int> PresentScaleAsync(int scale, CancellationToken cancellationToken)
    {
        var demoCodes = DemoDataSeeder.BuildConsortia().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var present = await db.Consortia.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken);
        if (present.Count == 0)
        {
            return 0;
        }

        var copies = present.Select(code => (Code: code, Copy: ScaleCopy.CopyOf(code, demoCodes))).ToList();
        var foreign = copies.Where(c => c.Copy is null).Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
        if (foreign.Count > 0)
        {
            throw new GenerationRefusedException(
                $"The database holds {foreign.Count} consortia that are neither demo data nor generated copies of it " +
                $"(for example {string.Join(", ", foreign.Take(3))}). Generate into an empty database or one holding only demo data.");
        }

        var presentScale = copies.Max(c => c.Copy!.Value) + 1;
        if (presentScale > scale)
        {
            throw new GenerationRefusedException(
                $"The database already holds scale {presentScale}; it cannot be reduced to scale {scale}. Generate into a new database instead.");
        }

        return presentScale;
    }

    // The copies already present get their share of each practice's list at the new scale: a few hundred practices
    // a statement, as UPDATE ... SET "ListSize" = CASE "Code" WHEN ... END, since one statement a row is slow on PostgreSQL.
    private async Task ShareListsAsync(int copiesPresent, int scale, CancellationToken cancellationToken)
    {
        const int RowsPerStatement = 500;
        var shares = ReferenceDataFiles.ReadPractices()
            .SelectMany(p => Enumerable.Range(0, copiesPresent).Select(copy => (Code: ScaleCopy.PracticeCode(p.Code, copy), List: ScaleCopy.ListShare(p.ListSize, copy, scale))))
            .ToList();
        foreach (var chunk in shares.Chunk(RowsPerStatement))
        {
            await using var update = db.Database.GetDbConnection().CreateCommand();
            update.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var cases = new System.Text.StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                cases.Append(System.Globalization.CultureInfo.InvariantCulture, $" WHEN @c{i} THEN @l{i}");
                AddParameter(update, $"@c{i}", chunk[i].Code);
                AddParameter(update, $"@l{i}", chunk[i].List);
            }

            update.CommandText = $"UPDATE \"Practices\" SET \"ListSize\" = CASE \"Code\"{cases} END " +
                $"WHERE \"Code\" IN ({string.Join(", ", Enumerable.Range(0, chunk.Length).Select(i => $"@c{i}"))})";
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task AddOrganisationsAsync(IReadOnlyList<PracticeRow> practices, IReadOnlyList<Consortium> consortia, int copy, int scale, CancellationToken cancellationToken)
    {
        await using (var rows = new BulkInsert(db, "Practices", "Code", "Name", "PctCode", "ListSize", "PctSource"))
        {
            foreach (var p in practices)
            {
                await rows.AddAsync(cancellationToken, ScaleCopy.PracticeCode(p.Code, copy), ScaleCopy.PracticeName(p.Name, copy), p.PctCode, ScaleCopy.ListShare(p.ListSize, copy, scale), p.PctSource);
            }

            await rows.FlushAsync(cancellationToken);
        }

        await using (var rows = new BulkInsert(db, "Consortia", "Code", "Name", "RegionCode", "Stage"))
        {
            foreach (var c in consortia)
            {
                await rows.AddAsync(cancellationToken, c.Code, c.Name, c.RegionCode, c.Stage.ToString());
            }

            await rows.FlushAsync(cancellationToken);
        }

        await using (var rows = new BulkInsert(db, "ConsortiumPcts", "ConsortiumCode", "PctCode", "IsHost"))
        {
            foreach (var link in consortia.SelectMany(c => c.Pcts))
            {
                await rows.AddAsync(cancellationToken, link.ConsortiumCode, link.PctCode, link.IsHost);
            }

            await rows.FlushAsync(cancellationToken);
        }

        await using (var rows = new BulkInsert(db, "ConsortiumMemberships", "ConsortiumCode", "PracticeCode", "JoinedOn", "LeftOn"))
        {
            foreach (var m in consortia.SelectMany(c => c.Memberships))
            {
                await rows.AddAsync(cancellationToken, m.ConsortiumCode, m.PracticeCode, m.JoinedOn, m.LeftOn);
            }

            await rows.FlushAsync(cancellationToken);
        }
    }

    private async Task<GeneratedCounts> CountAsync(int scale, CancellationToken cancellationToken) => new(
        scale,
        await db.Consortia.CountAsync(cancellationToken),
        await db.Practices.CountAsync(cancellationToken),
        await db.Assessments.CountAsync(cancellationToken),
        await db.AssessmentResponses.LongCountAsync(cancellationToken),
        await db.Users.CountAsync(cancellationToken));

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
