namespace TransitionTracker.Web.Commands;

/// <summary>Runs the operations commands (migrate, backup, restore) by name; see docs/operations.md.</summary>
public static class OperationsCommands
{
    public static Task<int> RunAsync(string[] args) => args[0] switch
    {
        MigrateCommand.Name => MigrateCommand.RunAsync(args),
        BackupCommand.Name => BackupCommand.RunAsync(args),
        RestoreCommand.Name => RestoreCommand.RunAsync(args),
        _ => throw new ArgumentException($"'{args[0]}' is not an operations command.", nameof(args)),
    };
}
