"""Group packages (.mrpkg): a signed group state carried to the office on a USB stick.

A package is a zip holding::

    manifest.json    the exact signed manifest bytes (see review.handover.signoff)
    signature.sig    the 64-byte Ed25519 signature of manifest.json
    package.json     unsigned: signer fingerprint, group, version, leader, who exported it, the decision history
    files/<path>     every file the manifest lists, under its relative path

The office trusts nothing it cannot verify. `verify_package` reads the zip without touching the
workspace and refuses, with a Chinese reason naming the member: a damaged or truncated zip, unsafe
member names (../, absolute paths, drive letters, backslashes), symlinks, duplicate entries,
members that would inflate beyond the limits, an unknown signer, a bad signature, a manifest this
program does not understand or that was signed against another manual edition, and missing,
changed or extra files. `import_package` runs the same checks while extracting into a temporary
folder inside the workspace, then records the package in one transaction and renames the folder
into packages/; a refusal leaves the workspace as it was.

Only signed facts are taken in. package.json is not signed (exporting needs no leader's password):
its fingerprint only picks the key the signature must verify with, what it repeats of the manifest
(group, version, leader) must agree with the signed manifest or the package is refused, and the
rest (who exported it, the decision history) is neither stored nor shown: the office keeps a
package.json rebuilt from the verified facts.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.assessment.decisions import decision_json, history
from review.assessment.group_state import current_package
from review.errors import UserError
from review.intake.scan import rescan_known
from review.manual.store import current_edition
from review.signing.keys import format_fingerprint, registered_key
from review.signing.manifest import Manifest, ManifestFile, verify_manifest
from review.signing.verification import (
    Difference,
    anchor_json,
    diff_files,
    load_signoff,
    signed_anchor,
    signoff_status,
)
from review.workspace import backups
from review.workspace.audit import record
from review.workspace.db.models import Group, ImportedPackage, Material
from review.workspace.folder import Workspace
from review.workspace.groups import ensure_group, get_group
from review.workspace.locking import IMPORT_SCOPE, Waiting, group_scope, operation_lock
from review.workspace.permissions import Actor, require

PACKAGE_FORMAT = "materials-review-package"
PACKAGE_VERSION = 1
SUFFIX = ".mrpkg"
MANIFEST_NAME, SIGNATURE_NAME, INFO_NAME, FILES_DIR = "manifest.json", "signature.sig", "package.json", "files/"
SIGNATURE_BYTES = 64
STAGING_PREFIX = ".import-"

# Limits against zip bombs: declared sizes are checked before anything is inflated.
MAX_META_BYTES = 32 * 1024 * 1024
MAX_MEMBER_BYTES = 2 * 1024**3
MAX_TOTAL_BYTES = 20 * 1024**3
MAX_RATIO = 200  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 16 * 1024 * 1024
CHUNK = 1024 * 1024

_DRIVE = re.compile(r"^[A-Za-z]:")
_FORBIDDEN_CHARS = re.compile(r'[\x00-\x1f<>:"|?*]')


@dataclass
class VerifiedPackage:
    """What a package that passed every check says."""

    path: Path
    group_code: str
    group_name: str
    version: int
    leader: str
    signed_at: str
    fingerprint: str
    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes
    info: dict[str, Any]
    package_sha256: str
    total_bytes: int

    @property
    def files(self) -> tuple[ManifestFile, ...]:
        return self.manifest.files

    def to_json(self) -> dict[str, object]:
        return {
            "file": str(self.path), "group": self.group_code, "group_name": self.group_name, "version": self.version,
            "leader": self.leader, "signed_at": self.signed_at, "fingerprint": self.fingerprint,
            "fingerprint_display": format_fingerprint(self.fingerprint), "files": len(self.files),
            "total_bytes": self.total_bytes, "package_sha256": self.package_sha256,
            "exceptions": [n.to_json() for n in self.manifest.exceptions],
            "waivers": [n.to_json() for n in self.manifest.waivers],
            "findings": [f.to_json() for f in self.manifest.findings],
            "audit_anchor": anchor_json(signed_anchor(self.manifest)),
        }


@dataclass
class ImportResult:
    package: VerifiedPackage
    folder: Path
    replaced_version: int | None = None
    differences: list[Difference] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {**self.package.to_json(), "folder": str(self.folder), "replaced_version": self.replaced_version,
                "differences": [d.to_json() for d in self.differences]}


# -- export --------------------------------------------------------------------------------------
def export_package(workspace: Workspace, actor: Actor, group_code: str, out: Path | str, *,
                   force: bool = False, wait: Waiting | None = None) -> Path:
    """Write the group's latest valid sign-off and its files to `out` (via a temporary name); returns
    the file written.

    `out` is a folder (one that exists, or a name ending in a separator), which gets a file named
    after the group and the sign-off's version (`package_name`), or a file name (".mrpkg" added if
    missing). An existing package is overwritten only with `force`.

    The group's files are hashed again first, so a file edited since the sign-off makes it 已失效
    and the export is refused before anything is written. It holds the group's lock, so the
    temporary files an interrupted export of the group left next to the target can be removed;
    another operation on the group is refused, or waited for with `wait`.
    """
    require(actor, "package.export", group_code)
    with operation_lock(workspace, group_scope(group_code), f"导出工作组 {group_code} 的材料包", actor.name, wait):
        return _export(workspace, actor, group_code, out, force)


def _export(workspace: Workspace, actor: Actor, group_code: str, out: Path | str, force: bool) -> Path:
    rescan_known(workspace, actor, group_code, rehash=True)
    status = signoff_status(workspace, group_code)
    if status.state == "none":
        raise UserError(f"工作组 {group_code} 尚未签字，不能导出材料包。请组长审核后签字确认（“审核”菜单 › 签字确认，或命令 signoff {group_code}）。")
    if status.state != "valid":
        raise UserError(f"工作组 {group_code} 的签字{status.state_name}（{status.problem or f'{len(status.differences)} 处材料变动'}），"
                        f"不能导出。请组长重新审核并签字后再导出。")
    with workspace.session() as session:
        row = load_signoff(session, group_code)
        if row is None:
            raise UserError(f"工作组 {group_code} 尚未签字，不能导出材料包。")
        manifest = Manifest.from_bytes(row.manifest)
        out = package_target(out, package_name(group_code, manifest.group.name, row.version), force)
        sources = _source_paths(session, get_group(session, group_code))
        info = {
            "format": PACKAGE_FORMAT, "format_version": PACKAGE_VERSION, "group": manifest.group.to_json(),
            "version": row.version, "fingerprint": row.fingerprint, "leader": row.leader,
            "exported_by": actor.name, "decisions": _decision_history(session, group_code, manifest.requirements),
        }
        tmp = out.with_name(f".{out.name}.part")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            for stale in out.parent.glob(f".{glob.escape(group_code)}-*{SUFFIX}.part"):  # an interrupted export's
                stale.unlink(missing_ok=True)
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(MANIFEST_NAME, row.manifest)
                archive.writestr(SIGNATURE_NAME, row.signature)
                archive.writestr(INFO_NAME, json.dumps(info, ensure_ascii=False, indent=2))
                for entry in manifest.files:
                    _add_checked_file(archive, sources, entry)
            os.replace(tmp, out)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserError(f"无法写入材料包 {out}：{exc.strerror}。请检查 U 盘或目标文件夹是否可写、空间是否足够。") from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        record(session, actor=actor.name, action="package.export", target=group_code,
               details={"file": str(out), "version": row.version, "files": len(manifest.files)})
    return out


def planned_package_path(workspace: Workspace, group_code: str, out: Path | str) -> Path | None:
    """The file `export_package(…, out)` would write for the group's latest sign-off (None before the
    first one), so that a caller can ask before overwriting an existing package."""
    with workspace.session() as session:
        row = load_signoff(session, group_code)
        if row is None:
            return None
        manifest = Manifest.from_bytes(row.manifest)
        return package_target(out, package_name(group_code, manifest.group.name, row.version), force=True)


def package_name(group_code: str, group_name: str, version: int) -> str:
    """The file name a package gets inside a folder: "XC-宣传组-第2版.mrpkg" (characters Windows
    refuses in names replaced by "_")."""
    stem = "-".join(p for p in (group_code.strip(), group_name.strip(), f"第{version}版") if p)
    return _FORBIDDEN_CHARS.sub("_", stem.replace("/", "_").replace("\\", "_")) + SUFFIX


def package_target(out: Path | str, name: str, force: bool = False) -> Path:
    """Where to write a package: inside `out` as `name` when `out` is a folder (an existing one, or a
    path ending in a separator), else `out` itself with ".mrpkg" added if missing; refuses to
    overwrite an existing file unless `force`."""
    text = os.fspath(out)
    folder = Path(text)
    if folder.is_dir() or text.endswith(("/", "\\", os.sep)):
        target = folder / name
    else:
        target = folder if folder.suffix.lower() == SUFFIX else folder.with_name(folder.name + SUFFIX)
    if target.is_dir():
        raise UserError(f"{target} 是一个文件夹，不能写成材料包文件。请换一个文件名，或只写文件夹 {target.parent}。")
    if target.exists() and not force:
        raise UserError(f"材料包 {target} 已存在，未覆盖。如确要覆盖，请加 --force；或换一个文件名或文件夹。")
    return target


def _source_paths(session: Session, group: Group) -> dict[str, Path]:
    materials = session.scalars(select(Material).where(Material.group_id == group.id, Material.status == "present"))
    return {m.rel_path or m.path: Path(m.path) for m in materials}


def _decision_history(session: Session, group_code: str, codes: Iterable[str]) -> list[dict[str, object]]:
    return [decision_json(d) for code in codes for d in history(session, group_code, code)]


def _add_checked_file(archive: zipfile.ZipFile, sources: dict[str, Path], entry: ManifestFile) -> None:
    """Copy one file into the zip, refusing if its bytes are no longer the signed ones."""
    source = sources.get(entry.path)
    if source is None:
        raise UserError(f"找不到已签字的文件 {entry.path}。请重新扫描，组长重新签字后再导出。")
    digest = hashlib.sha256()
    try:
        with source.open("rb") as src, archive.open(FILES_DIR + entry.path, "w", force_zip64=True) as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
    except FileNotFoundError as exc:
        raise UserError(f"文件 {source} 已不存在。请重新扫描，组长重新签字后再导出。") from exc
    if digest.hexdigest() != entry.sha256:
        raise UserError(f"文件 {source} 在签字后被改动过。请重新扫描，组长重新审核签字后再导出。")


# -- verification --------------------------------------------------------------------------------
def verify_package(workspace: Workspace, path: Path) -> VerifiedPackage:
    """Check a package completely without changing the workspace."""
    with workspace.session() as session:
        return _verify(session, Path(path), extract_to=None)


def _verify(session: Session, path: Path, extract_to: Path | None) -> VerifiedPackage:
    name = path.name
    try:
        package_sha256 = _file_sha256(path)
        with zipfile.ZipFile(path) as archive:
            members = _check_members(archive, name)
            manifest_bytes = _read_small(archive, members, MANIFEST_NAME, name)
            signature = _read_small(archive, members, SIGNATURE_NAME, name)
            info = _parse_info(_read_small(archive, members, INFO_NAME, name), name)
            manifest = _check_signed(session, name, manifest_bytes, signature, str(info.get("fingerprint", "")))
            info = _verified_info(info, manifest, name)
            total = _check_files(archive, members, manifest, name, extract_to)
    except FileNotFoundError as exc:
        raise UserError(f"找不到材料包 {path}。请检查路径。") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UserError(f"材料包 {name} 已损坏或不完整（可能拷贝时中断）。请让工作组重新导出并完整拷贝。") from exc
    except (NotImplementedError, RuntimeError) as exc:
        raise UserError(f"材料包 {name} 使用了不支持的压缩方式或被加密。请用本软件重新导出。") from exc
    except OSError as exc:
        raise UserError(f"无法读取材料包 {path}：{exc.strerror}。请检查 U 盘是否插好、文件是否完整。") from exc
    return VerifiedPackage(
        path=path, group_code=manifest.group.code, group_name=manifest.group.name,
        version=manifest.version, leader=manifest.leader, signed_at=manifest.signed_at,
        fingerprint=str(info["fingerprint"]), manifest=manifest, manifest_bytes=manifest_bytes,
        signature=signature, info=info, package_sha256=package_sha256, total_bytes=total,
    )


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def unsafe_path_reason(member: str) -> str:
    """Why a member or manifest path may not be extracted, or "" when it is safe."""
    if not member:
        return "名称为空"
    if "\\" in member:
        return "含反斜杠“\\”"
    if member.startswith("/") or _DRIVE.match(member):
        return "是绝对路径"
    parts = member.rstrip("/").split("/")
    if ".." in parts:
        return "含“../”，会写到目标文件夹之外"
    if any(part in ("", ".") for part in parts):
        return "含空的或“.”路径段"
    if any(_FORBIDDEN_CHARS.search(part) for part in parts):
        return "含 Windows 不允许的字符"
    return ""


def _check_members(archive: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    """Names, types and declared sizes of every member, before anything is inflated."""
    members: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    total = 0
    for info in archive.infolist():
        member = info.filename
        reason = unsafe_path_reason(member)
        if reason:
            raise UserError(f"材料包 {name} 中的条目“{member}”{reason}，已拒绝导入。该材料包可能被篡改。")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise UserError(f"材料包 {name} 中的条目“{member}”是符号链接，已拒绝导入。该材料包可能被篡改。")
        if member in members or member.casefold() in folded:
            raise UserError(f"材料包 {name} 中的条目“{member}”重复出现，已拒绝导入。该材料包可能被篡改。")
        if info.file_size > MAX_MEMBER_BYTES or (
            info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise UserError(f"材料包 {name} 中的条目“{member}”解压后异常巨大（{info.file_size} 字节），"
                            "疑似压缩炸弹，已拒绝导入。")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UserError(f"材料包 {name} 解压后总大小超过 {MAX_TOTAL_BYTES // 1024**3} GB 上限，已拒绝导入。")
        members[member] = info
        folded.add(member.casefold())
    return members


def _read_small(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], member: str, name: str) -> bytes:
    info = members.get(member)
    if info is None:
        raise UserError(f"材料包 {name} 缺少 {member}，不是完整的材料包。请让工作组重新导出。")
    if info.file_size > MAX_META_BYTES:
        raise UserError(f"材料包 {name} 中的 {member} 异常巨大，已拒绝导入。")
    data = archive.read(info)
    if member == SIGNATURE_NAME and len(data) != SIGNATURE_BYTES:
        raise UserError(f"材料包 {name} 中的签名长度不对，签名无效。请让工作组重新导出。")
    return data


def _parse_info(data: bytes, name: str) -> dict[str, Any]:
    try:
        info = json.loads(data.decode("utf-8"))
    except (UnicodeError, ValueError) as exc:
        raise UserError(f"材料包 {name} 中的 {INFO_NAME} 已损坏。请让工作组重新导出。") from exc
    if not isinstance(info, dict) or info.get("format") != PACKAGE_FORMAT:
        raise UserError(f"{name} 不是申报材料审核台的材料包。")
    if int(info.get("format_version", 0)) > PACKAGE_VERSION:
        raise UserError(f"材料包 {name} 由更新版本的软件导出，请先升级本软件。")
    return info


def _verified_info(info: dict[str, Any], manifest: Manifest, name: str) -> dict[str, Any]:
    """What the office keeps of package.json: the signed facts it repeats, once they agree with the
    manifest, and the fingerprint the signature was verified with; nothing unsigned."""
    signed: dict[str, Any] = {"group": manifest.group.to_json(), "version": manifest.version, "leader": manifest.leader}
    for key, value in signed.items():
        if key in info and info[key] != value:
            raise UserError(f"材料包 {name} 的 {INFO_NAME} 中的 {key} 与签字清单不符，该材料包可能被篡改，已拒绝导入。"
                            "请让工作组重新导出。")
    return {"format": PACKAGE_FORMAT, "format_version": PACKAGE_VERSION, **signed,
            "fingerprint": str(info["fingerprint"]).lower()}


def _check_signed(session: Session, name: str, manifest_bytes: bytes, signature: bytes,
                  fingerprint_hex: str) -> Manifest:
    """Signer registered, signature good, manifest understood and made against this manual edition."""
    key = registered_key(session, fingerprint_hex.lower())
    if key is None:
        raise UserError(f"材料包 {name} 的签名密钥（指纹 {format_fingerprint(fingerprint_hex)[:19]}…）未登记。"
                        "请先登记该组长导出的公钥文件（“汇总报送”菜单 › 登记组长公钥，或命令 key import），并电话核对指纹。")
    if not verify_manifest(manifest_bytes, signature, key.public_key):
        raise UserError(f"材料包 {name} 的签名无效：签字清单或签名被改动过。请勿使用，并让工作组重新导出。")
    try:
        manifest = Manifest.from_bytes(manifest_bytes)
    except UserError as exc:
        raise UserError(f"材料包 {name}：{exc.message}") from exc
    if manifest.group.code != key.group_code:
        raise UserError(f"材料包 {name} 属于工作组 {manifest.group.code}，"
                        f"但签名密钥登记为 {key.group_code} 组“{key.owner}”的，已拒绝导入。")
    edition = current_edition(session)
    signed = manifest.manual
    if edition is None or (signed.title, signed.edition) != (edition.title, edition.edition):
        here = f"《{edition.title}》{edition.edition}" if edition else "（尚未载入手册）"
        raise UserError(f"材料包 {name} 按《{signed.title}》{signed.edition} 签字，"
                        f"而本工作区当前手册为 {here}。请统一操作手册版本后再导入。")
    for entry in manifest.files:
        reason = unsafe_path_reason(entry.path)
        if reason:
            raise UserError(f"材料包 {name} 的清单中文件路径“{entry.path}”{reason}，已拒绝导入。")
    return manifest


def _check_files(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], manifest: Manifest,
                 name: str, extract_to: Path | None) -> int:
    """Every listed file present with its exact size and SHA-256, and nothing else; returns total bytes."""
    expected = {FILES_DIR + f.path: f for f in manifest.files}
    extra = [m for m in members if m not in expected and m not in (MANIFEST_NAME, SIGNATURE_NAME, INFO_NAME)]
    if extra:
        raise UserError(f"材料包 {name} 含有清单之外的文件：{'、'.join(extra[:5])}，已拒绝导入。该材料包可能被篡改。")
    missing = [f.path for m, f in expected.items() if m not in members]
    if missing:
        raise UserError(f"材料包 {name} 缺少已签字的文件：{'、'.join(missing[:5])}。请让工作组重新导出。")
    total = 0
    for member, entry in expected.items():
        info = members[member]
        if info.file_size != entry.size:
            raise UserError(f"材料包 {name} 中的文件 {entry.path} 大小与签字清单不符，已被改动。请让工作组重新导出。")
        with _target(extract_to, entry.path) as sink:
            digest = _copy_hashing(archive.open(info), sink, entry.size, entry.path, name)
        if digest != entry.sha256:
            raise UserError(f"材料包 {name} 中的文件 {entry.path} 与签字时的内容不符（SHA-256 不同），"
                            "已被改动。请让工作组重新导出。")
        total += info.file_size
    return total


@contextmanager
def _target(root: Path | None, rel_path: str) -> Iterator[BinaryIO | None]:
    if root is None:
        yield None
        return
    target = root / FILES_DIR / rel_path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as fh:
        yield fh


def _copy_hashing(source: BinaryIO, sink: BinaryIO | None, limit: int, rel_path: str, name: str) -> str:
    digest = hashlib.sha256()
    seen = 0
    with source:
        while chunk := source.read(CHUNK):
            seen += len(chunk)
            if seen > limit:
                raise UserError(f"材料包 {name} 中的文件 {rel_path} 解压后超过声明的大小，疑似压缩炸弹，已拒绝导入。")
            digest.update(chunk)
            if sink is not None:
                sink.write(chunk)
    return digest.hexdigest()


# -- import --------------------------------------------------------------------------------------
def packages_folder(workspace: Workspace) -> Path:
    return workspace.root / "packages"


def import_package(workspace: Workspace, actor: Actor, path: Path, *, create_group: bool = False,
                   wait: Waiting | None = None) -> ImportResult:
    """Verify, then import all or nothing; a newer package of a group supersedes the older one.

    A group this workspace does not have is refused with the next step, or created from the
    signed package's code and name when `create_group` says the office confirmed it. Imports run
    one at a time (another one is refused, or waited for with `wait`), so a package becomes
    current exactly once; a refusal removes only what this import created."""
    require(actor, "package.import")
    path = Path(path)
    with operation_lock(workspace, IMPORT_SCOPE, f"导入材料包 {path.name}", actor.name, wait):
        remove_stale_staging(workspace)
        return _import(workspace, actor, path, create_group)


def remove_stale_staging(workspace: Workspace) -> list[Path]:
    """Remove the `.import-*` folders an interrupted import left in the workspace root; returns them.
    Called while holding the import lock, so no running import owns one."""
    stale = [p for p in workspace.root.glob(STAGING_PREFIX + "*") if p.is_dir()]
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return stale


def _import(workspace: Workspace, actor: Actor, path: Path, create_group: bool) -> ImportResult:
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=workspace.root))
    final: Path | None = None
    try:
        with workspace.session() as session:
            package = _verify(session, path, extract_to=staging)
            ensure_group(session, package.group_code, package.group_name, create=create_group, source="材料包",
                         actor=actor.name)
            previous = current_package(session, package.group_code)
            if previous is not None and not _is_newer(package, previous):
                same = previous.manifest == package.manifest_bytes
                raise UserError(
                    f"材料包 {path.name} {'已经导入过' if same else '比已导入的版本旧'}"
                    f"（已导入：第 {previous.signoff_version} 版，{previous.signed_at} 签字）。无需再次导入。")
            differences = diff_files(Manifest.from_bytes(previous.manifest).files, package.files) if previous else []
            if previous is not None:
                previous.is_current = False
            final = packages_folder(workspace) / f"{package.group_code}-v{package.version}-{package.package_sha256[:12]}"
            for meta, data in ((MANIFEST_NAME, package.manifest_bytes), (SIGNATURE_NAME, package.signature)):
                (staging / meta).write_bytes(data)
            (staging / INFO_NAME).write_text(json.dumps(package.info, ensure_ascii=False, indent=2), encoding="utf-8")
            session.add(ImportedPackage(
                group_code=package.group_code, group_name=package.group_name, signoff_version=package.version,
                leader=package.leader, fingerprint=package.fingerprint, signed_at=package.signed_at,
                package_sha256=package.package_sha256, folder=final.relative_to(workspace.root).as_posix(),
                manifest=package.manifest_bytes, signature=package.signature, imported_by=actor.name,
            ))
            record(session, actor=actor.name, action="package.import", target=package.group_code,
                   details={"file": str(path), "version": package.version, "files": len(package.files),
                            "fingerprint": package.fingerprint, "replaced_version":
                            previous.signoff_version if previous else None,
                            "differences": len(differences)})
            session.flush()
            final.parent.mkdir(exist_ok=True)
            if final.exists():  # left by an import that was killed before it could clean up
                shutil.rmtree(final)
            staging.rename(final)
        workspace.backup(backups.AFTER_IMPORT)
        return ImportResult(package, final, previous.signoff_version if previous else None, differences)
    except BaseException:
        if final is not None and final.exists() and not staging.exists():  # renamed by us, then rolled back
            shutil.rmtree(final, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _is_newer(package: VerifiedPackage, previous: ImportedPackage) -> bool:
    """Later signing time wins; within the same second the higher sign-off version does."""
    return (package.signed_at, package.version) > (previous.signed_at, previous.signoff_version)


def imported_packages(session: Session) -> list[ImportedPackage]:
    return list(session.scalars(select(ImportedPackage).order_by(ImportedPackage.group_code, ImportedPackage.id)))
