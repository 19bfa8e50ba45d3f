#pragma once

#include <filesystem>
#include <string>

namespace cartera::testing {

/// A fresh folder under the system temp folder, removed with everything in it at destruction.
class TempDir final {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path file(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// A file of the tests/fixtures folder, found from the source tree, not the working directory.
std::filesystem::path fixture(const std::string& name);

/// Writes bytes to a file, replacing it.
void writeFile(const std::filesystem::path& path, const std::string& bytes);
/// Reads a whole file.
std::string readFile(const std::filesystem::path& path);

} // namespace cartera::testing
