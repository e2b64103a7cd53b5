// This project exists only as the startup project for `dotnet ef`; see docs/architecture.md.
Console.WriteLine("Design-time host for dotnet ef. Run: dotnet ef migrations add <Name> --project src/TransitionTracker.Data --startup-project src/TransitionTracker.Data.Design --context SqliteTransitionTrackerDbContext --output-dir Migrations/Sqlite");
