using TransitionTracker.Web;
using TransitionTracker.Web.Commands;

if (args is [CreateAdministratorCommand.Name, ..])
{
    return await CreateAdministratorCommand.RunAsync(args);
}

if (args is [MigrateCommand.Name or BackupCommand.Name or RestoreCommand.Name, ..])
{
    return await OperationsCommands.RunAsync(args);
}

if (args is [GenerateDataCommand.Name, ..])
{
    return await GenerateDataCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddTransitionTracker();

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseTransitionTracker();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
