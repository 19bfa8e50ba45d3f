#include "exchange/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

namespace cartera::exchange {

namespace fs = std::filesystem;
using namespace cartera::domain;

namespace {

fs::path folderOf(const fs::path& target)
{
    return target.parent_path().empty() ? fs::path(".") : target.parent_path();
}

std::string describeErrno(int code)
{
    switch (code) {
    case ENOENT:
    case ENOTDIR:
        return "the folder does not exist";
    case EACCES:
    case EPERM:
    case EROFS:
        return "the folder is not writable";
    case ENOSPC:
    case EDQUOT:
        return "the disk is full";
    case EISDIR:
        return "it is a folder";
    default:
        return std::strerror(code);
    }
}

/// Opens a unique hidden temporary file beside target; returns its descriptor or -errno.
int openTemporary(const fs::path& target, fs::path& temporary)
{
    const std::string pattern = (folderOf(target) / ("." + target.filename().string() + ".XXXXXX.partial")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkostemps(name.data(), static_cast<int>(std::string_view(".partial").size()), O_CLOEXEC);
    if (fd < 0) {
        return -errno;
    }
    // mkstemp creates the file 0600; an export is an ordinary document, readable by others as a
    // file saved with the usual umask (022) would be. (Reading the umask means setting it, which
    // races with other threads creating files.)
    ::fchmod(fd, 0644);
    temporary = name.data();
    return fd;
}

/// Flushes a folder's entries (the rename) to disk; some file systems refuse, which is harmless.
void syncFolder(const fs::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Error checkTarget(const fs::path& target)
{
    std::error_code error;
    if (fs::is_directory(target, error)) {
        return fileWriteError(target, "it is a folder");
    }
    if (target.filename().empty()) {
        return fileWriteError(target, "no file name");
    }
    return Error{};
}

} // namespace

Error fileWriteError(const fs::path& target, std::string_view what)
{
    return Error{ErrorCode::InvalidInput, "could not write " + target.string() + ": " + std::string(what), {}};
}

AtomicFile::AtomicFile(fs::path target, fs::path temporary, int fd)
    : m_target(std::move(target)), m_temporary(std::move(temporary)), m_fd(fd)
{
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::create(const fs::path& target)
{
    if (auto bad = checkTarget(target); !bad.message.empty()) {
        return bad;
    }
    fs::path temporary;
    const int fd = openTemporary(target, temporary);
    if (fd < 0) {
        return fileWriteError(target, describeErrno(-fd));
    }
    return std::unique_ptr<AtomicFile>(new AtomicFile(target, std::move(temporary), fd));
}

AtomicFile::~AtomicFile()
{
    if (!m_done) {
        discard();
    }
}

void AtomicFile::write(std::string_view bytes)
{
    while (!bytes.empty() && m_writeErrno == 0 && m_fd >= 0) {
        const auto written = ::write(m_fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno != EINTR) {
                m_writeErrno = errno;
            }
            continue;
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
}

Status AtomicFile::commit()
{
    if (m_done) {
        return fileWriteError(m_target, "the file was already finished");
    }
    if (m_writeErrno == 0 && ::fsync(m_fd) != 0) {
        m_writeErrno = errno;
    }
    if (::close(m_fd) != 0 && m_writeErrno == 0) {
        m_writeErrno = errno;
    }
    m_fd = -1;
    if (m_writeErrno != 0) {
        const int code = m_writeErrno;
        discard();
        return fileWriteError(m_target, describeErrno(code));
    }
    m_done = true;
    std::error_code error;
    fs::rename(m_temporary, m_target, error);
    if (error) {
        std::error_code ignored;
        fs::remove(m_temporary, ignored);
        return fileWriteError(m_target, describeErrno(error.value()));
    }
    syncFolder(folderOf(m_target));
    return Done{};
}

void AtomicFile::discard()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_done) {
        std::error_code ignored;
        fs::remove(m_temporary, ignored);
        m_done = true;
    }
}

Result<fs::path> createTemporaryBeside(const fs::path& target)
{
    if (auto bad = checkTarget(target); !bad.message.empty()) {
        return bad;
    }
    fs::path temporary;
    const int fd = openTemporary(target, temporary);
    if (fd < 0) {
        return fileWriteError(target, describeErrno(-fd));
    }
    ::close(fd);
    return temporary;
}

Status replaceWithTemporary(const fs::path& temporary, const fs::path& target)
{
    const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
    int failure = fd < 0 ? errno : 0;
    if (fd >= 0) {
        if (::fsync(fd) != 0) {
            failure = errno;
        }
        ::close(fd);
    }
    std::error_code error;
    if (failure == 0) {
        fs::rename(temporary, target, error);
        failure = error.value();
    }
    if (failure != 0) {
        fs::remove(temporary, error);
        return fileWriteError(target, describeErrno(failure));
    }
    syncFolder(folderOf(target));
    return Done{};
}

} // namespace cartera::exchange
