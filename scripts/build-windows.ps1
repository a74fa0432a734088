# Builds the Windows folder and installer on a Windows PC with network (untested here: written for
# Windows 10/11 x64 with Python 3.11 from python.org and, for the installer, Inno Setup 6).
#   powershell -ExecutionPolicy Bypass -File scripts\build-windows.ps1
# Gives dist\materials-review\ (copy it anywhere and run materials-review.exe) and, when Inno Setup's
# ISCC.exe is found, dist\materials-review-setup-<version>.exe, an installer that needs no admin rights.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

$venv = ".venv-windows"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3.11 -m venv $venv }
$python = Resolve-Path "$venv\Scripts\python.exe"
& $python -m pip install -q --upgrade pip
& $python -m pip install -q ".[ocr,bundle]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

& $python -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller `
    packaging\materials-review.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$version = (& dist\materials-review\materials-review.exe --version).Split(" ")[1]
Write-Host "dist\materials-review\materials-review.exe $version"

$iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
          "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if ($iscc) {
    & $iscc "/DAppVersion=$version" packaging\windows\materials-review.iss
    if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
} else {
    Write-Host "Inno Setup 6 not found: zip dist\materials-review\ instead (Compress-Archive dist\materials-review dist\materials-review-$version.zip)"
}
