using TransitionTracker.Data;
using TransitionTracker.Web.Operations;

namespace TransitionTracker.Web.Commands;

/// <summary>
/// <c>migrate</c>: applies pending migrations, reference data and the shipped frameworks (and the demo data when
/// <c>Seed:Demo</c> is true) to the configured database, then exits: 0 when the database is up to date, 1 with the
/// reason otherwise. Takes the same migration lock as app start-up, so it is safe while instances are starting.
/// For deployments that set <c>Database:MigrateOnStart</c> to false.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    private const string Usage = $"Usage: {Name}  (configuration as for the app, e.g. --Database:Provider Postgres --ConnectionStrings:TransitionTracker \"...\")";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var problems = new List<string>();
        CommandOptions.Parse(args, [], problems);
        if (problems.Count > 0)
        {
            return CommandOptions.Fail(error, Name, problems, Usage);
        }

        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.AddTransitionTracker();
            await using var app = builder.Build();
            await using var scope = app.Services.CreateAsyncScope();
            var demoPassword = StartupDatabaseSettings.DemoPassword(app.Configuration);
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(demoPassword, CancellationToken.None);

            output.WriteLine(applied.Count == 0
                ? "No migrations to apply: the database schema was already up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
            output.WriteLine(demoPassword is null
                ? "Reference data and frameworks are present."
                : "Reference data, frameworks and demo data are present.");
            return 0;
        }
        catch (Exception e)
        {
            return CommandOptions.Fail(error, Name, [CommandOptions.Describe(e)]);
        }
    }
}
