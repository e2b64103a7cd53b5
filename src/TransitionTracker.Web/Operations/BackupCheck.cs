namespace TransitionTracker.Web.Operations;

/// <summary>What a backup file was found to hold: its size, how many migrations, and the newest.</summary>
public sealed record BackupCheck(long Bytes, int Migrations, string LatestMigration);
