// The one exception type Program.cs maps to "ERROR: <message>" and an exit code.
namespace Barman.Core.Errors;

/// <summary>A failure the operator should read: printed as <c>ERROR: message</c>, exit code as given.</summary>
public class BarmanException(string message, int exitCode = 1, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>Bad or missing configuration (file, section or key).</summary>
public sealed class ConfigurationException(string message, int exitCode = 1) : BarmanException(message, exitCode);

/// <summary>Configuration so broken that barman prints <c>FATAL:</c> instead of <c>ERROR:</c>.</summary>
public sealed class FatalConfigurationException(string message) : BarmanException(message, 1);

/// <summary>A message printed without any prefix (barman's missing-config-file case).</summary>
public sealed class PlainMessageException(string message, int exitCode = 1) : BarmanException(message, exitCode);

/// <summary>PostgreSQL could not be reached or answered with an error.</summary>
public sealed class PostgresException(string message, Exception? inner = null) : BarmanException(message, 1, inner);

/// <summary>A backup could not start or failed.</summary>
public sealed class BackupException(string message) : BarmanException(message);

/// <summary>A recovery could not start or failed.</summary>
public sealed class RecoveryException(string message, int exitCode = 1) : BarmanException(message, exitCode);

/// <summary>A WAL file is missing, malformed or could not be archived.</summary>
public sealed class WalFileException(string message) : BarmanException(message);

/// <summary>Another barman process holds the lock.</summary>
public sealed class LockFileBusyException(string message) : BarmanException(message);

/// <summary>An external command (pg_basebackup, pg_receivewal, ssh, rsync) failed.</summary>
public sealed class CommandFailedException(string message) : BarmanException(message);

/// <summary>A verb that is declared but whose handler has not landed yet.</summary>
public sealed class NotImplementedVerbException(string verb) : BarmanException($"'{verb}' is not implemented yet");
