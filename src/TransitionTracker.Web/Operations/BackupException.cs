namespace TransitionTracker.Web.Operations;

/// <summary>A backup or restore that cannot go ahead; the message says why, for the operator.</summary>
public sealed class BackupException(string message, Exception? innerException = null) : Exception(message, innerException);
