package org.qingdan.support.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The names in the directory of an OLE2 compound file ([MS-CFB]), the container of legacy .doc and .xls:
 * just enough of the format to find a VBA project (Word keeps it in a {@code Macros} storage, Excel in
 * {@code _VBA_PROJECT_CUR}, both with a {@code VBA} storage and a {@code _VBA_PROJECT} stream inside).
 *
 * <p>The directory is a chain of sectors; the chain is in the FAT, whose sectors the header's DIFAT (and
 * the DIFAT sector chain) list. Every directory entry is read, whether or not the red-black tree links it:
 * a hidden entry counts too. A file whose structure does not add up (a sector outside the file, a loop, an
 * unknown sector size) throws {@link Malformed}: what we cannot read, we do not accept.
 *
 * <p>Not seen here: Excel 4.0 (XLM) macro sheets, which live inside the Workbook stream's records rather
 * than as directory entries.
 */
final class CompoundFile {

    static final byte[] SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final int END_OF_CHAIN = 0xFFFFFFFE;
    private static final int FREE = 0xFFFFFFFF;
    private static final int MAX_REGULAR_SECTOR = 0xFFFFFFFA;

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final ByteBuffer file;
    private final int sectorSize;
    private final long sectorCount;

    private CompoundFile(ByteBuffer file) throws Malformed {
        this.file = file.order(ByteOrder.LITTLE_ENDIAN);
        if (file.capacity() < 512) {
            throw new Malformed("shorter than the header");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (file.get(i) != SIGNATURE[i]) {
                throw new Malformed("no compound file signature");
            }
        }
        int shift = Short.toUnsignedInt(file.getShort(0x1E));
        if (shift != 9 && shift != 12) {
            throw new Malformed("sector shift " + shift);
        }
        this.sectorSize = 1 << shift;
        this.sectorCount = Math.max(0, (file.capacity() - sectorSize) / sectorSize); // whole sectors only
    }

    /** The names of all directory entries (storages and streams), in directory order. */
    static List<String> directoryNames(ByteBuffer file) throws Malformed {
        try {
            return new CompoundFile(file).names();
        } catch (IndexOutOfBoundsException e) {
            throw new Malformed("a structure runs past the end of the file");
        }
    }

    static boolean hasVbaProject(ByteBuffer file) throws Malformed {
        return directoryNames(file).stream().anyMatch(CompoundFile::isVbaName);
    }

    static boolean isVbaName(String name) {
        return name.equalsIgnoreCase("VBA") || name.equalsIgnoreCase("_VBA_PROJECT") || name.equalsIgnoreCase("_VBA_PROJECT_CUR")
                || name.equalsIgnoreCase("Macros");
    }

    private List<String> names() throws Malformed {
        int[] fat = fat();
        List<String> names = new ArrayList<>();
        BitSet visited = new BitSet();
        int entriesPerSector = sectorSize / 128;
        for (int sector = file.getInt(0x30); sector != END_OF_CHAIN; sector = next(fat, sector)) {
            checkSector(sector);
            if (visited.get(sector)) {
                throw new Malformed("the directory chain loops");
            }
            visited.set(sector);
            for (int i = 0; i < entriesPerSector; i++) {
                int at = offset(sector) + i * 128;
                int type = file.get(at + 0x42);
                if (type == 0) {
                    continue; // unused
                }
                int length = Short.toUnsignedInt(file.getShort(at + 0x40)); // in bytes, with the terminating NUL
                if (length < 2 || length > 64 || length % 2 != 0) {
                    throw new Malformed("directory entry name length " + length);
                }
                byte[] name = new byte[length - 2];
                file.get(at, name);
                names.add(new String(name, StandardCharsets.UTF_16LE));
            }
        }
        return names;
    }

    /** The FAT: the next sector of every sector's chain. */
    private int[] fat() throws Malformed {
        int fatSectors = file.getInt(0x2C);
        if (fatSectors < 0 || fatSectors > sectorCount) {
            throw new Malformed("FAT sector count " + fatSectors);
        }
        List<Integer> fatSectorNumbers = new ArrayList<>();
        for (int i = 0; i < 109 && fatSectorNumbers.size() < fatSectors; i++) {
            fatSectorNumbers.add(file.getInt(0x4C + 4 * i));
        }
        BitSet visited = new BitSet();
        int perDifat = sectorSize / 4 - 1;
        for (int difat = file.getInt(0x44); fatSectorNumbers.size() < fatSectors; ) {
            checkSector(difat);
            if (visited.get(difat)) {
                throw new Malformed("the DIFAT chain loops");
            }
            visited.set(difat);
            for (int i = 0; i < perDifat && fatSectorNumbers.size() < fatSectors; i++) {
                fatSectorNumbers.add(file.getInt(offset(difat) + 4 * i));
            }
            difat = file.getInt(offset(difat) + 4 * perDifat);
        }
        int perSector = sectorSize / 4;
        int[] fat = new int[fatSectorNumbers.size() * perSector];
        for (int i = 0; i < fatSectorNumbers.size(); i++) {
            int sector = fatSectorNumbers.get(i);
            checkSector(sector);
            for (int j = 0; j < perSector; j++) {
                fat[i * perSector + j] = file.getInt(offset(sector) + 4 * j);
            }
        }
        return fat;
    }

    private int next(int[] fat, int sector) throws Malformed {
        if (sector >= fat.length) {
            throw new Malformed("sector " + sector + " is not in the FAT");
        }
        int next = fat[sector];
        if (next == FREE) {
            throw new Malformed("a chain runs into a free sector");
        }
        return next;
    }

    private void checkSector(int sector) throws Malformed {
        if (Integer.compareUnsigned(sector, MAX_REGULAR_SECTOR) > 0 || Integer.toUnsignedLong(sector) >= sectorCount) {
            throw new Malformed("sector " + Integer.toUnsignedString(sector) + " outside the file");
        }
    }

    private int offset(int sector) {
        return (sector + 1) * sectorSize;
    }
}
