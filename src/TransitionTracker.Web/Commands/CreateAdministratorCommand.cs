using System.Text;
using TransitionTracker.Data;
using TransitionTracker.Application.Administration;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Web.Commands;

/// <summary>
/// <c>create-admin --email &lt;email&gt; --name "&lt;name&gt;"</c>: creates an administrator, for the first sign-in of a
/// new installation. The password comes from <see cref="PasswordVariable"/>, or else one line of standard input.
/// Uses the app's own configuration, so it writes to the database the app would use; applies migrations and
/// reference data first. Exits 0 when the administrator was created, 1 (creating no one) on any problem.
/// </summary>
public static class CreateAdministratorCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "TRANSITION_TRACKER_ADMIN_PASSWORD";
    public const string ActorName = "create-admin command";

    private const string Usage =
        $"Usage: {Name} --email <email> --name \"<name>\"  (password from {PasswordVariable}, or one line of standard input)";

    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Environment.GetEnvironmentVariable(PasswordVariable), ReadPasswordFromConsole, Console.Out, Console.Error);

    /// <param name="args">The whole command line; options other than --email and --name are app configuration, as for the web host.</param>
    /// <param name="passwordFromEnvironment">The value of <see cref="PasswordVariable"/>, if set.</param>
    /// <param name="readPassword">Reads the password when the variable is not set; null when there is none.</param>
    public static async Task<int> RunAsync(string[] args, string? passwordFromEnvironment, Func<string?> readPassword, TextWriter output, TextWriter error)
    {
        var problems = new List<string>();
        var options = ParseOptions(args, problems);
        var password = string.IsNullOrEmpty(passwordFromEnvironment) ? readPassword() : passwordFromEnvironment;

        var builder = WebApplication.CreateBuilder(args);
        builder.AddTransitionTracker();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var accounts = services.GetRequiredService<UserAccounts>();

        // Everything that can be checked without the database first, all at once.
        if (string.IsNullOrEmpty(password))
        {
            problems.Add($"No password: set {PasswordVariable} or give the password as one line on standard input.");
        }
        else if (options.Email is not null && options.Name is not null)
        {
            problems.AddRange((await accounts.CheckNewUserAsync(options.Email, options.Name, password)).Select(e => e.Message + "."));
        }

        if (problems.Count > 0)
        {
            return Fail(error, problems, Usage);
        }

        // Seeding is the app's own start-up work, recorded as "system" as it is when the web app starts.
        await services.GetRequiredService<DatabaseInitializer>().InitialiseAsync(demoPassword: null, CancellationToken.None);
        output.WriteLine("The database is up to date (migrations and reference data applied).");
        var outcome = await accounts.CreateAdministratorAsync(new AuditActor { Name = ActorName }, options.Email, options.Name, password, CancellationToken.None);
        if (!outcome.IsSaved)
        {
            return Fail(error, outcome.Problems.Select(p => p.Message + ".").ToList(), null);
        }

        output.WriteLine($"Created administrator {options.Email!.Trim()} ({options.Name!.Trim()}), user id {outcome.Value}.");
        output.WriteLine("They can now sign in and create the other users at /admin/users.");
        return 0;
    }

    private static int Fail(TextWriter error, IReadOnlyList<string> problems, string? usage)
    {
        error.WriteLine($"{Name}: no user was created.");
        foreach (var problem in problems)
        {
            error.WriteLine($"  - {problem}");
        }

        if (usage is not null)
        {
            error.WriteLine(usage);
        }

        return 1;
    }

    private static (string? Email, string? Name) ParseOptions(string[] args, List<string> problems)
    {
        string? email = null;
        string? name = null;
        for (var i = 1; i < args.Length; i++)
        {
            var (key, inlineValue) = args[i].Split('=', 2) is [var k, var v] && k.StartsWith("--", StringComparison.Ordinal) ? (k, v) : (args[i], null);
            if (key is not ("--email" or "--name"))
            {
                // Configuration for the host (for example --ConnectionStrings:TransitionTracker "..."): skip its value.
                if (inlineValue is null && key.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    i++;
                }
                else if (!key.StartsWith("--", StringComparison.Ordinal))
                {
                    problems.Add($"Unexpected argument '{key}'.");
                }

                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{key} needs a value.");
            }
            else if (key == "--email")
            {
                email = value;
            }
            else
            {
                name = value;
            }
        }

        if (email is null && !problems.Contains("--email needs a value."))
        {
            problems.Add("Give the new administrator's email address with --email.");
        }

        if (name is null && !problems.Contains("--name needs a value."))
        {
            problems.Add("Give the new administrator's name with --name.");
        }

        return (email, name);
    }

    // A piped password is read as it comes; at a terminal it is asked for and not echoed.
    private static string? ReadPasswordFromConsole()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Error.Write("Password for the new administrator: ");
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
