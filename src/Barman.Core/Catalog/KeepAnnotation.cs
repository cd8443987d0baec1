// The keep annotation of a backup: base/<id>/annotations/keep holding "full" or "standalone" (no newline).
using System.Text;
using Barman.Core.Storage;

namespace Barman.Core.Catalog;

/// <summary>Reads and writes keep requests as barman stores them.</summary>
public static class KeepAnnotation
{
    public const string Full = "full";
    public const string Standalone = "standalone";

    /// <summary>The keep file of a backup directory.</summary>
    public static string PathFor(string backupDirectory) => Path.Combine(backupDirectory, "annotations", "keep");

    /// <summary>"full", "standalone" or null. An unreadable or empty file means no keep, as in barman.</summary>
    public static string? Read(string backupDirectory) => ReadFile(null, PathFor(backupDirectory));

    /// <summary>As <see cref="Read(string)"/>, for a backup below an open base/ directory.</summary>
    internal static string? Read(SmallFile.Directory baseDirectory, string backupId) => ReadFile(baseDirectory, backupId + "/annotations/keep");

    private static string? ReadFile(SmallFile.Directory? directory, string path)
    {
        try
        {
            // One open (ENOENT for nearly every backup) rather than a stat and then a read.
            if ((directory is null ? SmallFile.TryRead(path, 4096) : directory.TryRead(path, 4096)) is not { } contents)
            {
                return null;
            }
            using (contents)
            {
                var text = Encoding.UTF8.GetString(contents.Bytes).Trim();
                return text.Length == 0 ? null : text;
            }
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the annotation (durably, mode 0644, no trailing newline).</summary>
    public static void Write(string backupDirectory, string target)
    {
        var dir = Path.Combine(backupDirectory, "annotations");
        Directory.CreateDirectory(dir);
        DurableFile.WriteAtomic(PathFor(backupDirectory), Encoding.UTF8.GetBytes(target),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    /// <summary>Removes the annotation; barman removes the whole annotations directory when it is empty.</summary>
    public static void Release(string backupDirectory)
    {
        var file = PathFor(backupDirectory);
        if (File.Exists(file))
        {
            File.Delete(file);
        }
        var dir = Path.Combine(backupDirectory, "annotations");
        if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
        }
    }
}
