namespace TransitionTracker.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
