#pragma once

#include "domain/error.h"

#include <filesystem>
#include <memory>
#include <string_view>

namespace cartera::exchange {

/// A file written under a temporary name in the target's folder and renamed over the target only
/// when complete: readers see the previous file or the new one, never half of it. commit() flushes
/// the data and the folder entry to disk (fsync) before and after the rename, so a power cut cannot
/// leave an empty file under the target's name either. Destroyed without commit() (an error, a
/// cancel), it removes its temporary file; killed, it leaves a hidden ".NAME.XXXXXX.partial" beside
/// the target, and the target untouched.
class AtomicFile final {
public:
    /// Creates the temporary file beside target. Fails, naming target, when the folder is
    /// missing or not writable, or when target is a folder.
    static domain::Result<std::unique_ptr<AtomicFile>> create(const std::filesystem::path& target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Appends bytes. A failure (disk full) is remembered and reported by commit().
    void write(std::string_view bytes);
    /// Flushes, renames over the target and flushes the folder; on failure the temporary file is
    /// removed and the target left as it was.
    domain::Status commit();
    /// Removes the temporary file; the target is left as it was.
    void discard();

    [[nodiscard]] const std::filesystem::path& temporaryPath() const { return m_temporary; }
    [[nodiscard]] const std::filesystem::path& target() const { return m_target; }

private:
    AtomicFile(std::filesystem::path target, std::filesystem::path temporary, int fd);

    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    int m_fd = -1;
    int m_writeErrno = 0;
    bool m_done = false;
};

/// A new, empty, uniquely named temporary file beside target (".NAME.XXXXXX.partial"), for writers
/// that open files themselves (libxlsxwriter); nullopt-like error when the folder is not writable.
domain::Result<std::filesystem::path> createTemporaryBeside(const std::filesystem::path& target);

/// Moves a complete temporary file over target: fsync the file, rename, fsync the folder. On
/// failure the temporary file is removed and target left as it was.
domain::Status replaceWithTemporary(const std::filesystem::path& temporary, const std::filesystem::path& target);

/// "could not write PATH: what": the message every export failure carries.
domain::Error fileWriteError(const std::filesystem::path& target, std::string_view what);

} // namespace cartera::exchange
