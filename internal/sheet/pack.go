package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"sort"
	"sync"
	"time"
)

// Parts of a workbook larger than packBlock are compressed in blocks of
// packBlock bytes, each on its own, at the fastest level, on every core;
// smaller parts in one piece at the level archive/zip uses. Where a block
// ends depends on nothing but the bytes, so the same content still gives
// the same file.
const (
	packBlock      = 1 << 20
	packSmallLevel = 5 // what archive/zip uses
	packLargeLevel = flate.BestSpeed
)

// packer is the zip writer the spreadsheet library writes a workbook
// through (excelize.ZipWriter). It compresses each part as it comes, keeps
// the compressed bytes, and on writeTo writes the parts in a fixed order
// with fixed times, [Content_Types].xml first and with its elements
// sorted. The library writes parts in map order, and the Answers sheet of
// a large workshop is hundreds of megabytes of XML: compressing it in
// parallel blocks, and once, is most of what writing the workbook costs.
type packer struct {
	parts []*packPart
	sem   chan struct{} // bounds the blocks being compressed at once
	free  chan []byte   // block buffers to use again
}

// largeFlates are compressors at packLargeLevel, to use again.
var largeFlates sync.Pool

// flate returns a compressor at packLargeLevel writing to w.
func (p *packer) flate(w io.Writer) *flate.Writer {
	if fw, ok := largeFlates.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fw
	}
	fw, _ := flate.NewWriter(w, packLargeLevel)
	return fw
}

func newPacker() *packer {
	n := runtime.GOMAXPROCS(0)
	return &packer{sem: make(chan struct{}, n), free: make(chan []byte, n+1)}
}

// buffer returns an empty block buffer, one used before when there is one.
func (p *packer) buffer() []byte {
	select {
	case b := <-p.free:
		return b[:0]
	default:
		return make([]byte, 0, packBlock)
	}
}

// release keeps b to use again, unless enough are kept.
func (p *packer) release(b []byte) {
	if cap(b) != packBlock {
		return
	}
	select {
	case p.free <- b:
	default:
	}
}

// packPart is one file of the zip: its bytes arrive through Write.
type packPart struct {
	p      *packer
	name   string
	crc    uint32
	size   uint64
	buf    []byte        // bytes not yet handed to a block
	blocks []chan []byte // compressed blocks, in order
	raw    []byte        // [Content_Types].xml, kept uncompressed
	out    []byte        // the compressed part, once closed
	errs   chan error    // the first error of a block
	keep   bool          // [Content_Types].xml: sorted at the end
	closed bool
}

func (p *packer) Create(name string) (io.Writer, error) {
	part := &packPart{p: p, name: name, keep: name == "[Content_Types].xml", errs: make(chan error, 1)}
	p.parts = append(p.parts, part)
	return part, nil
}

func (p *packer) AddFS(fs.FS) error { return errors.New("sheet: AddFS is not supported") }

// Close is called by the library when it has written every part; the
// parts are finished in writeTo.
func (p *packer) Close() error { return nil }

func (pp *packPart) Write(b []byte) (int, error) {
	if pp.keep {
		pp.raw = append(pp.raw, b...)
		return len(b), nil
	}
	pp.crc = crc32.Update(pp.crc, crc32.IEEETable, b)
	pp.size += uint64(len(b))
	n := len(b)
	for len(b) > 0 {
		if pp.buf == nil {
			pp.buf = pp.p.buffer()
		}
		k := min(len(b), packBlock-len(pp.buf))
		pp.buf = append(pp.buf, b[:k]...)
		b = b[k:]
		if len(pp.buf) == packBlock {
			pp.block(pp.buf, false)
			pp.buf = nil
		}
	}
	return n, nil
}

// ReadFrom reads a part straight into block buffers: the library copies
// a streamed sheet from its temporary file, and io.Copy would otherwise
// read it 32 KB at a time and copy it once more.
func (pp *packPart) ReadFrom(r io.Reader) (int64, error) {
	if pp.keep {
		data, err := io.ReadAll(r)
		pp.raw = append(pp.raw, data...)
		return int64(len(data)), err
	}
	var total int64
	for {
		if pp.buf == nil {
			pp.buf = pp.p.buffer()
		}
		n, err := r.Read(pp.buf[len(pp.buf):packBlock])
		if n > 0 {
			got := pp.buf[len(pp.buf) : len(pp.buf)+n]
			pp.crc = crc32.Update(pp.crc, crc32.IEEETable, got)
			pp.size += uint64(n)
			total += int64(n)
			if pp.buf = pp.buf[:len(pp.buf)+n]; len(pp.buf) == packBlock {
				pp.block(pp.buf, false)
				pp.buf = nil
			}
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// block compresses one block of a large part in the background. A block
// that is not the last ends with a sync flush, on a byte boundary, so
// that the blocks joined are one deflate stream.
func (pp *packPart) block(data []byte, last bool) {
	done := make(chan []byte, 1)
	pp.blocks = append(pp.blocks, done)
	pp.p.sem <- struct{}{}
	go func() {
		defer func() { <-pp.p.sem }()
		var out bytes.Buffer
		out.Grow(len(data) / 8)
		fw := pp.p.flate(&out)
		_, err := fw.Write(data)
		if err == nil {
			if last {
				err = fw.Close()
			} else {
				err = fw.Flush()
			}
		}
		pp.p.release(data)
		largeFlates.Put(fw)
		if err != nil {
			select {
			case pp.errs <- err:
			default:
			}
		}
		done <- out.Bytes()
	}()
}

// finish compresses what is left of the part and joins its blocks.
func (pp *packPart) finish() error {
	if pp.closed {
		return nil
	}
	pp.closed = true
	if pp.keep {
		pp.raw = sortContentTypes(pp.raw)
		pp.crc = crc32.ChecksumIEEE(pp.raw)
		pp.size = uint64(len(pp.raw))
		pp.buf = pp.raw
	}
	if len(pp.blocks) == 0 {
		// a small part: one piece, as archive/zip would write it
		var out bytes.Buffer
		fw := smallFlate(&out)
		defer smallFlates.Put(fw)
		if _, err := fw.Write(pp.buf); err != nil {
			return err
		}
		if err := fw.Close(); err != nil {
			return err
		}
		pp.out, pp.buf = out.Bytes(), nil
		return nil
	}
	pp.block(pp.buf, true)
	pp.buf = nil
	n := 0
	outs := make([][]byte, len(pp.blocks))
	for i, done := range pp.blocks {
		outs[i] = <-done
		n += len(outs[i])
	}
	select {
	case err := <-pp.errs:
		return err
	default:
	}
	pp.out = make([]byte, 0, n)
	for _, b := range outs {
		pp.out = append(pp.out, b...)
	}
	pp.blocks = nil
	return nil
}

// smallFlates are compressors at packSmallLevel, shared as archive/zip
// shares its own: each holds about a megabyte of tables.
var smallFlates sync.Pool

func smallFlate(w io.Writer) *flate.Writer {
	if fw, ok := smallFlates.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fw
	}
	fw, _ := flate.NewWriter(w, packSmallLevel)
	return fw
}

// writeTo writes the zip to w: parts in a fixed order, with fixed times.
func (p *packer) writeTo(w io.Writer) error {
	for _, pp := range p.parts {
		if err := pp.finish(); err != nil {
			return err
		}
	}
	parts := append([]*packPart(nil), p.parts...)
	sort.SliceStable(parts, func(i, j int) bool {
		// [Content_Types].xml first, as Office expects
		if parts[i].keep != parts[j].keep {
			return parts[i].keep
		}
		return parts[i].name < parts[j].name
	})
	zw := zip.NewWriter(w)
	modified := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, pp := range parts {
		fw, err := zw.CreateRaw(&zip.FileHeader{Name: pp.name, Method: zip.Deflate, Modified: modified,
			CRC32: pp.crc, CompressedSize64: uint64(len(pp.out)), UncompressedSize64: pp.size})
		if err != nil {
			return err
		}
		if _, err := fw.Write(pp.out); err != nil {
			return err
		}
		pp.out = nil
	}
	return zw.Close()
}
