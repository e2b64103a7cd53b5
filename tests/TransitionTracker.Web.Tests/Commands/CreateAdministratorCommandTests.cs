using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Domain.Access;
using TransitionTracker.Web.Commands;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Commands;

/// <summary>The create-admin command, run in-process against a brand-new database on the test run's provider.</summary>
public sealed class CreateAdministratorCommandTests : IDisposable
{
    private const string Email = "first.admin@example.nhs.uk";
    private const string Password = "First-admin-2011";

    private readonly TestDatabase _database = TestDatabases.NewEmpty();

    public void Dispose() => TestDatabases.Delete(_database);

    [Fact]
    public async Task Creates_a_working_administrator_on_a_fresh_database()
    {
        var (exitCode, output, error) = await RunAsync(Password, "--email", Email, "--name", "First Administrator");

        Assert.True(exitCode == 0, error);
        Assert.Contains($"Created administrator {Email} (First Administrator)", output);
        await using (var db = _database.OpenContext())
        {
            var user = await db.Users.SingleAsync();
            Assert.Equal(Email, user.Email);
            Assert.Equal("First Administrator", user.DisplayName);
            Assert.Equal([Role.Administrator], await db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => a.Role).ToListAsync());
            Assert.True(await db.Pcts.CountAsync() > 100, "reference data loaded");
            Assert.Equal(
                ["TransitionTrackerUser Added", "RoleAssignment Added"],
                await db.AuditEntries.Where(e => e.Actor == CreateAdministratorCommand.ActorName).OrderBy(e => e.Id).Select(e => e.EntityType + " " + e.Action).ToListAsync());
        }

        _database.ReleaseConnections();
        using var factory = TransitionTrackerFactory.OnEmptyDatabase(_database, deleteOnDispose: false);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignedInClients.LogInAsync(factory, Email, Password));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Reads_the_password_from_standard_input_when_the_variable_is_not_set()
    {
        var (exitCode, _, error) = await RunAsync(null, ["create-admin", "--email=" + Email, "--name=First Administrator"], () => Password);

        Assert.True(exitCode == 0, error);
        await using var db = _database.OpenContext();
        Assert.Equal(Email, (await db.Users.SingleAsync()).Email);
    }

    [Fact]
    public async Task Refuses_an_email_that_already_exists_and_changes_nothing()
    {
        Assert.Equal(0, (await RunAsync(Password, "--email", Email, "--name", "First Administrator")).ExitCode);

        var (exitCode, _, error) = await RunAsync("Another-password-2011", "--email", Email.ToUpperInvariant(), "--name", "Someone Else");

        Assert.Equal(1, exitCode);
        Assert.Contains($"A user with the email address {Email.ToUpperInvariant()} already exists", error);
        await using var db = _database.OpenContext();
        Assert.Equal("First Administrator", (await db.Users.SingleAsync()).DisplayName);
        Assert.Equal(1, await db.RoleAssignments.CountAsync());
    }

    [Fact]
    public async Task Reports_every_problem_at_once_and_touches_no_database()
    {
        var (exitCode, output, error) = await RunAsync("weak", "--email", "not an email", "--name", "First Administrator");
        var (noPasswordExit, _, noPasswordError) = await RunAsync(null, ["create-admin", "--email", Email], () => null);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("no user was created", error);
        Assert.Contains("Enter an email address in the correct format", error);
        Assert.Contains("Password must be 12 characters or more", error);
        Assert.Equal(1, noPasswordExit);
        Assert.Contains("--name", noPasswordError);
        Assert.Contains(CreateAdministratorCommand.PasswordVariable, noPasswordError);
        Assert.False(_database.Exists());
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string? passwordVariable, params string[] options) =>
        RunAsync(passwordVariable, ["create-admin", .. options], () => throw new InvalidOperationException("The password should come from the variable."));

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string? passwordVariable, string[] args, Func<string?> readPassword)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] configuration = ["--ConnectionStrings:TransitionTracker", _database.ConnectionString, "--Database:Provider", _database.Provider.ToString(), "--Seed:Demo", "false"];
        var exitCode = await CreateAdministratorCommand.RunAsync([.. args, .. configuration], passwordVariable, readPassword, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
